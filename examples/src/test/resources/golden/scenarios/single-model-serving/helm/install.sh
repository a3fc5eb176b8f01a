# with the rules in the ConfigMap, as the Seldon docs do (from this folder)
helm repo add prometheus-community https://prometheus-community.github.io/helm-charts
helm repo update
helm install --set prometheus.url='http://seldon-monitoring-prometheus' hpa-metrics prometheus-community/prometheus-adapter -n seldon-monitoring
kubectl replace -f ../prometheus-adapter.config.yaml
kubectl rollout restart deployment hpa-metrics-prometheus-adapter -n seldon-monitoring
kubectl get --raw /apis/custom.metrics.k8s.io/v1beta1/ | jq .
# or with the rules in the chart values: no replace and restart needed
# helm repo add prometheus-community https://prometheus-community.github.io/helm-charts
# helm repo update
# helm install hpa-metrics prometheus-community/prometheus-adapter -n seldon-monitoring -f prometheus-adapter.values.yaml
# kubectl get --raw /apis/custom.metrics.k8s.io/v1beta1/ | jq .
