package vn.province.govtrack.embeddedmongo;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Command-line options of {@link EmbeddedMongoServer}. Each option can also be given as a system
 * property ({@code -Dembedded-mongo.port=27028}); an argument wins over a property.
 */
record LaunchOptions(String host, int port, Path dataDir, boolean memory, boolean fsync, boolean help) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 27027;
    static final String DEFAULT_DATA_DIR = "data";

    static final String USAGE = """
            usage: java -jar embedded-mongo-exec.jar [options]
              --port=N          TCP port (default 27027)
              --host=ADDRESS    address to listen on (default 127.0.0.1)
              --data-dir=DIR    directory of the H2 store file govtrack.mv (default data, relative to the working directory)
              --memory          keep everything in memory, nothing is written to disk
              --fsync           also force every committed write to the device (survives power loss, slower)
              --help            print this text
            every option may also be set as a system property embedded-mongo.<name>, e.g. -Dembedded-mongo.port=27028""";

    static LaunchOptions parse(String[] args, Properties properties) {
        String host = properties.getProperty("embedded-mongo.host", DEFAULT_HOST);
        String port = properties.getProperty("embedded-mongo.port", String.valueOf(DEFAULT_PORT));
        String dataDir = properties.getProperty("embedded-mongo.data-dir", DEFAULT_DATA_DIR);
        boolean memory = Boolean.parseBoolean(properties.getProperty("embedded-mongo.memory", "false"));
        boolean fsync = Boolean.parseBoolean(properties.getProperty("embedded-mongo.fsync", "false"));
        boolean help = false;

        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = arg.substring("--port=".length());
            } else if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else if (arg.equals("--memory")) {
                memory = true;
            } else if (arg.equals("--fsync")) {
                fsync = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (host.isBlank() || dataDir.isBlank()) {
            throw new IllegalArgumentException("--host and --data-dir must not be empty");
        }
        return new LaunchOptions(host, parsePort(port), Path.of(dataDir), memory, fsync, help);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + value);
        }
    }
}
