package io.github.seldonhpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every builder a user can reach is a public abstract class declaring each method of the hidden generated
 * builder, so that javadoc documents all of them on a public page (none "inherited from" a hidden class).
 */
class PublicBuildersTest {
  /** The public {@code Builder} classes nested in public types. */
  private static List<Class<?>> publicBuilders() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(ScalingPlan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> builders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = classes.relativize(f).toString().replace('/', '.');
        String file = f.getFileName().toString();
        if (file.matches("[A-Za-z]+\\$Builder\\.class") && !file.startsWith("Immutable")) {
          Class<?> api = Class.forName(name.substring(0, name.length() - ".class".length()));
          if (Modifier.isPublic(api.getEnclosingClass().getModifiers()) && Modifier.isPublic(api.getModifiers())) {
            builders.add(api);
          }
        }
      }
    }
    return builders;
  }

  @Test
  void everyGeneratedBuilderMethodIsDeclaredOnThePublicBuilder() throws Exception {
    List<Class<?>> builders = publicBuilders();
    assertThat(builders).extracting(Class::getName).contains(
        "io.github.seldonhpa.ScalingPlan$Builder", "io.github.seldonhpa.Hpa$Builder",
        "io.github.seldonhpa.scaling.Simulation$Builder");
    List<String> undeclared = new ArrayList<>();
    for (Class<?> api : builders) {
      Class<?> owner = api.getEnclosingClass();
      Class<?> impl;
      try {
        impl = Class.forName(owner.getPackageName() + ".Immutable" + owner.getSimpleName() + "$Builder");
      } catch (ClassNotFoundException handWritten) {
        continue; // a builder written by hand (HpaController.Builder) documents itself
      }
      assertThat(api.getSuperclass()).as("%s extends no generated class", api.getName()).isEqualTo(Object.class);
      assertThat(impl.getSuperclass()).isEqualTo(api);
      assertThat(Modifier.isAbstract(api.getModifiers())).as("%s is abstract", api.getName()).isTrue();
      for (Method m : impl.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        boolean declared = Arrays.stream(api.getDeclaredMethods()).anyMatch(d -> d.getName().equals(m.getName())
            && Arrays.equals(d.getParameterTypes(), m.getParameterTypes()) && Modifier.isPublic(d.getModifiers()));
        if (!declared) {
          undeclared.add(api.getName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
        }
      }
    }
    assertThat(undeclared).isEmpty();
  }
}
