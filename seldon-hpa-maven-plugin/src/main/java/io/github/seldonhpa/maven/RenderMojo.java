package io.github.seldonhpa.maven;

import io.github.seldonhpa.HpaValidationException;
import io.github.seldonhpa.ScalingPlan;
import io.github.seldonhpa.k8s.Manifest;
import io.github.seldonhpa.k8s.ManifestReader;
import io.github.seldonhpa.k8s.PlanFile;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Renders seldon-hpa plans into {@code target/manifests/}, one file per object
 * ({@code horizontalpodautoscaler_seldon-mesh_irisa0-model-hpa.yaml}), with the same bytes on every build.
 * Plans come from plan files ({@code plans}: files or folders) and from a class of the project's compile
 * class path ({@code planSupplier}) implementing {@code Supplier<List<ScalingPlan>>} with a public no-argument
 * constructor. A class of the project itself is compiled after {@code generate-resources}: bind the execution
 * to {@code process-classes} to use one.
 */
@Mojo(name = "render", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class RenderMojo extends AbstractMojo {
  /** Plan files and folders of plan files ({@code *.yaml}, {@code *.yml}, read recursively). */
  @Parameter(property = "seldonhpa.plans")
  List<File> plans = new ArrayList<>();

  /** A class implementing {@code Supplier<List<ScalingPlan>>} on the project's compile class path. */
  @Parameter(property = "seldonhpa.planSupplier")
  String planSupplier;

  /** Where the manifests go. */
  @Parameter(property = "seldonhpa.manifests", defaultValue = "${project.build.directory}/manifests")
  File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "seldonhpa.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("seldon-hpa render skipped");
      return;
    }
    if (plans.isEmpty() && planSupplier == null) {
      throw new MojoExecutionException("seldon-hpa render: configure plans (plan files or folders) or planSupplier");
    }
    List<Manifest> objects;
    try {
      List<PlanFile> all = new ArrayList<>();
      for (File p : plans) {
        Path path = p.toPath();
        for (Path file : Files.isDirectory(path) ? ManifestReader.yamlFiles(path) : List.of(path)) {
          all.addAll(PlanFile.read(file));
        }
      }
      if (planSupplier != null) {
        for (ScalingPlan plan : supplied()) {
          all.add(PlanFile.of(planSupplier, plan));
        }
      }
      objects = PlanFile.objects(all);
    } catch (HpaValidationException e) {
      throw new MojoExecutionException("seldon-hpa render: " + e.getMessage(), e);
    }
    try {
      Files.createDirectories(outputDirectory.toPath());
      for (Manifest m : objects) {
        Files.write(outputDirectory.toPath().resolve(PlanFile.fileName(m, "yaml")),
            m.toYaml().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("seldon-hpa render: cannot write " + outputDirectory + ": " + e.getMessage(), e);
    }
    getLog().info("seldon-hpa render: " + objects.size() + " objects in " + outputDirectory);
  }

  /** Calls the supplier class in a loader over the project's compile class path (the plugin's API classes shared). */
  private List<ScalingPlan> supplied() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (String element : project.getCompileClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("seldon-hpa render: cannot build the project's class path: " + e.getMessage(), e);
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), getClass().getClassLoader())) {
      Class<?> type = Class.forName(planSupplier, true, loader);
      if (!Supplier.class.isAssignableFrom(type)) {
        throw new MojoExecutionException("seldon-hpa render: planSupplier " + planSupplier
            + " must implement java.util.function.Supplier<List<ScalingPlan>>");
      }
      Supplier<?> supplier = (Supplier<?>) type.getConstructor().newInstance();
      Object value;
      try {
        value = supplier.get();
      } catch (RuntimeException e) {
        throw new MojoExecutionException("seldon-hpa render: planSupplier " + planSupplier + " failed: "
            + e.getMessage(), e);
      }
      if (!(value instanceof Collection)) {
        throw new MojoExecutionException("seldon-hpa render: planSupplier " + planSupplier
            + " must return a List<ScalingPlan> (was " + (value == null ? "null" : value.getClass().getName()) + ")");
      }
      List<ScalingPlan> out = new ArrayList<>();
      for (Object o : (Collection<?>) value) {
        if (!(o instanceof ScalingPlan)) {
          throw new MojoExecutionException("seldon-hpa render: planSupplier " + planSupplier
              + " must return ScalingPlans (was " + (o == null ? "null" : o.getClass().getName()) + ")");
        }
        out.add((ScalingPlan) o);
      }
      return out;
    } catch (ClassNotFoundException e) {
      throw new MojoExecutionException("seldon-hpa render: planSupplier " + planSupplier + " is not on the project's"
          + " compile class path (a class of the project itself needs the execution bound to process-classes)", e);
    } catch (InvocationTargetException e) {
      throw new MojoExecutionException("seldon-hpa render: planSupplier " + planSupplier + " failed: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | IOException e) {
      throw new MojoExecutionException("seldon-hpa render: cannot call planSupplier " + planSupplier + ": " + e, e);
    }
  }
}
