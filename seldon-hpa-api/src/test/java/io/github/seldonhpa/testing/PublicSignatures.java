package io.github.seldonhpa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the types of a library a module's API mentions: every public or protected signature (superclass,
 * interfaces, type parameters, fields, constructors, methods with their parameters, results and exceptions,
 * generic arguments included) of the public classes in a module's exported packages. Used to keep Jackson
 * out of the published API, so that users are not tied to Jackson 2.
 */
public final class PublicSignatures {
  private PublicSignatures() {}

  /**
   * The signatures that mention a type whose name starts with {@code prefix} ({@code com.fasterxml.}), in
   * the classes of {@code packages} (not their subpackages) found where {@code anchor} was loaded from (a
   * classes folder or a jar), sorted: {@code io.example.Api.tree() returns com.fasterxml...ObjectNode}.
   */
  public static List<String> mentioning(Class<?> anchor, List<String> packages, String prefix) {
    Set<String> found = new TreeSet<>();
    for (String name : classNames(anchor)) {
      int dot = name.lastIndexOf('.');
      if (!packages.contains(dot < 0 ? "" : name.substring(0, dot))) {
        continue;
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, anchor.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      if (visible(c)) {
        check(c, prefix, found);
      }
    }
    return new ArrayList<>(found);
  }

  private static void check(Class<?> c, String prefix, Set<String> found) {
    String owner = c.getName();
    if (c.getGenericSuperclass() != null) {
      mention(owner + " extends", c.getGenericSuperclass(), prefix, found);
    }
    for (Type t : c.getGenericInterfaces()) {
      mention(owner + " implements", t, prefix, found);
    }
    for (TypeVariable<?> v : c.getTypeParameters()) {
      mention(owner + " type parameter " + v.getName(), v, prefix, found);
    }
    for (Field f : c.getDeclaredFields()) {
      if (api(f.getModifiers()) && !f.isSynthetic()) {
        mention(owner + "." + f.getName() + " is", f.getGenericType(), prefix, found);
      }
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (api(k.getModifiers()) && !k.isSynthetic()) {
        executable(owner + "(", k, prefix, found);
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (api(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        executable(owner + "." + m.getName() + "(", m, prefix, found);
        mention(owner + "." + m.getName() + "() returns", m.getGenericReturnType(), prefix, found);
      }
    }
  }

  private static void executable(String where, Executable e, String prefix, Set<String> found) {
    for (Type t : e.getGenericParameterTypes()) {
      mention(where + ") takes", t, prefix, found);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      mention(where + ") throws", t, prefix, found);
    }
    for (TypeVariable<?> v : e.getTypeParameters()) {
      mention(where + ") type parameter " + v.getName(), v, prefix, found);
    }
  }

  private static void mention(String where, Type type, String prefix, Set<String> found) {
    Set<String> names = new TreeSet<>();
    names(type, names, new HashSet<>());
    for (String n : names) {
      if (n.startsWith(prefix)) {
        found.add(where + " " + n);
      }
    }
  }

  /** Every class named in {@code type}, its generic arguments and bounds. */
  private static void names(Type type, Set<String> names, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      names.add((c.isArray() ? c.getComponentType() : c).getName());
    } else if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      names(p.getRawType(), names, seen);
      for (Type a : p.getActualTypeArguments()) {
        names(a, names, seen);
      }
    } else if (type instanceof WildcardType) {
      for (Type b : ((WildcardType) type).getUpperBounds()) {
        names(b, names, seen);
      }
      for (Type b : ((WildcardType) type).getLowerBounds()) {
        names(b, names, seen);
      }
    } else if (type instanceof TypeVariable) {
      for (Type b : ((TypeVariable<?>) type).getBounds()) {
        names(b, names, seen);
      }
    } else if (type instanceof GenericArrayType) {
      names(((GenericArrayType) type).getGenericComponentType(), names, seen);
    }
  }

  private static boolean api(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Public, and so are the classes it is nested in. */
  private static boolean visible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isSynthetic() || k.isAnonymousClass()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> classNames(Class<?> anchor) {
    List<String> names = new ArrayList<>();
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files.map(f -> location.relativize(f).toString().replace('\\', '/')).forEach(f -> add(f, names));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            add(e.nextElement().getName(), names);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static void add(String file, List<String> names) {
    if (file.endsWith(".class") && !file.endsWith("module-info.class") && !file.endsWith("package-info.class")) {
      names.add(file.substring(0, file.length() - ".class".length()).replace('/', '.'));
    }
  }
}
