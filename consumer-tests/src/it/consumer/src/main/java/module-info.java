module org.example.consumer {
  requires io.github.seldonhpa.k8s;
}
