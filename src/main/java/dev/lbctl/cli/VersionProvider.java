package dev.lbctl.cli;

import dev.lbctl.i18n.Messages;
import picocli.CommandLine.IVersionProvider;

/** The version the build wrote into {@code lbctl-version.properties}, embedded as a class (see EmbeddedVersion). */
public class VersionProvider implements IVersionProvider {

    public static String version() {
        return EmbeddedVersion.VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lbctl " + version(), Messages.get("version.defaultRelease", "v0.16.1")};
    }
}
