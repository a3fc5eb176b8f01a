package io.github.seldonhpa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks that every builder a user can reach is a public abstract class declaring each method of the
 * hidden generated builder ({@code Immutable<Type>.Builder}), so that javadoc documents all of them on a
 * public page and none is "inherited from" a class without a page.
 */
public final class PublicBuilders {
  private PublicBuilders() {}

  /** The public {@code Builder} classes nested in public types of the module (classes folder) of {@code anchor}. */
  public static List<Class<?>> of(Class<?> anchor) {
    List<Class<?>> builders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path f : (Iterable<Path>) files::iterator) {
        String file = f.getFileName().toString();
        if (file.matches("[A-Za-z]+\\$Builder\\.class") && !file.startsWith("Immutable")) {
          String name = root.relativize(f).toString().replace('/', '.');
          Class<?> api = Class.forName(name.substring(0, name.length() - ".class".length()), false,
              anchor.getClassLoader());
          if (Modifier.isPublic(api.getEnclosingClass().getModifiers()) && Modifier.isPublic(api.getModifiers())) {
            builders.add(api);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return builders;
  }

  /**
   * What is wrong with {@code builders}: a builder extending a generated class, a builder implementing an
   * interface that is not public, or a public method of the generated builder that neither the public builder
   * nor one of the public interfaces it implements (such as {@code MetadataBuilder}) declares. Hand-written
   * builders (no generated one) pass.
   */
  public static List<String> problems(List<Class<?>> builders) {
    List<String> problems = new ArrayList<>();
    for (Class<?> api : builders) {
      Class<?> owner = api.getEnclosingClass();
      Class<?> impl;
      try {
        impl = Class.forName(owner.getPackageName() + ".Immutable" + owner.getSimpleName() + "$Builder", false,
            api.getClassLoader());
      } catch (ClassNotFoundException handWritten) {
        continue;
      }
      if (api.getSuperclass() != Object.class || impl.getSuperclass() != api
          || !Modifier.isAbstract(api.getModifiers())) {
        problems.add(api.getName() + " is not the abstract superclass of " + impl.getName());
        continue;
      }
      List<Method> documented = new ArrayList<>(Arrays.asList(api.getDeclaredMethods()));
      for (Class<?> shared : api.getInterfaces()) {
        if (!Modifier.isPublic(shared.getModifiers()) || shared.getSimpleName().startsWith("Immutable")) {
          problems.add(api.getName() + " implements " + shared.getName() + ", which has no public page");
          continue;
        }
        documented.addAll(Arrays.asList(shared.getMethods()));
      }
      for (Method m : impl.getDeclaredMethods()) {
        boolean declared = documented.stream().anyMatch(d -> d.getName().equals(m.getName())
            && Arrays.equals(d.getParameterTypes(), m.getParameterTypes()) && Modifier.isPublic(d.getModifiers()));
        // a bridge (the erased return type of an interface method) has the same name and parameters as its target
        if (Modifier.isPublic(m.getModifiers()) && !m.isBridge() && !declared) {
          problems.add(api.getName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()) + " is undeclared");
        }
      }
    }
    return problems;
  }
}
