package org.biospark.cli;

import org.biospark.BiosparkVersion;

import picocli.CommandLine.IVersionProvider;

/** {@code biospark --version}: our version and the Spark and Java it runs with. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "biospark " + BiosparkVersion.version(),
            "built for Spark " + BiosparkVersion.builtForSpark() + " (Scala " + scala.util.Properties.versionNumberString() + ")",
            "running on Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
