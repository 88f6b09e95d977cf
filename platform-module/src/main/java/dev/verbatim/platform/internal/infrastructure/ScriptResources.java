package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The scripts one {@link MigrationSource} lists, as Flyway resources, read through a class loader.
 * Flyway never scans the class path: inside Liberty the module jars are {@code wsjar:} URLs that
 * its scanner does not read reliably. A script {@code db/<module>/<file>} is replaced by {@code
 * db/<module>/<vendor>/<file>} when that resource exists.
 */
final class ScriptResources implements ResourceProvider {
  private final List<Script> scripts;

  ScriptResources(MigrationSource source, String vendor, ClassLoader loader) {
    List<Script> found = new ArrayList<>();
    for (String listed : source.scripts()) {
      String override = vendorOverride(listed, vendor);
      URL url = loader.getResource(override);
      String chosen = override;
      if (url == null) {
        url = loader.getResource(listed);
        chosen = listed;
      }
      if (url == null) {
        throw new IllegalStateException(
            "Migration script of module "
                + source.module()
                + " not found on the class path: "
                + listed);
      }
      found.add(new Script(listed, chosen, url, loader));
    }
    this.scripts = List.copyOf(found);
  }

  /**
   * {@code db/survey/V1__x.sql} for {@code postgresql} gives {@code
   * db/survey/postgresql/V1__x.sql}.
   */
  static String vendorOverride(String script, String vendor) {
    int slash = script.lastIndexOf('/');
    return script.substring(0, slash + 1) + vendor + "/" + script.substring(slash + 1);
  }

  /** The resource actually used for a listed script (the vendor's one or the common one). */
  String chosenFor(String listed) {
    return scripts.stream()
        .filter(s -> s.listed.equals(listed))
        .map(s -> s.chosen)
        .findFirst()
        .orElse(listed);
  }

  @Override
  public LoadableResource getResource(String name) {
    for (Script script : scripts) {
      if (script.chosen.equals(name)
          || script.listed.equals(name)
          || script.filename.equals(name)) {
        return script;
      }
    }
    return null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    List<LoadableResource> result = new ArrayList<>();
    for (Script script : scripts) {
      if (script.filename.startsWith(prefix)
          && Arrays.stream(suffixes).anyMatch(script.filename::endsWith)) {
        result.add(script);
      }
    }
    return result;
  }

  private static final class Script extends LoadableResource {
    private final String listed;
    private final String chosen;
    private final String filename;
    private final URL url;
    private final ClassLoader loader;

    Script(String listed, String chosen, URL url, ClassLoader loader) {
      this.listed = listed;
      this.chosen = chosen;
      this.filename = chosen.substring(chosen.lastIndexOf('/') + 1);
      this.url = url;
      this.loader = loader;
    }

    @Override
    public Reader read() {
      InputStream in = loader.getResourceAsStream(chosen);
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("Cannot read migration script " + chosen + " (" + url + ")"));
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return chosen;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return url.toString();
    }

    @Override
    public String getFilename() {
      return filename;
    }

    @Override
    public String getRelativePath() {
      return chosen;
    }
  }
}
