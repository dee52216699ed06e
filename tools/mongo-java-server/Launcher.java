import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;

/**
 * Test-only MongoDB wire server: mongo-java-server with its in-memory backend.
 *
 * <p>Usage: {@code java -cp CLASSPATH Launcher HOST PORT [PARENT_PID]}.
 * Prints "listening on HOST:PORT" once bound, then serves until killed. If
 * PARENT_PID is given, it also exits when that process is gone, so a crashed
 * test runner never leaves a server behind.
 */
public final class Launcher {
  private Launcher() {}

  private static final MongoVersion MONGO_5_0_WIRE_13 = new MongoVersion() {
    @Override
    public List<Integer> getVersionArray() {
      return List.of(5, 0, 0);
    }

    @Override
    public int getWireVersion() {
      return 13;
    }
  };

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Launcher HOST PORT [PARENT_PID]");
      System.exit(2);
    }
    // Quiet by default (slf4j-simple logs INFO to stderr otherwise).
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);

    // The server's own newest ServerVersion, MONGO_5_0, reports wire version 8,
    // and the Node driver 7 refuses anything below 9 ("requires at least 9
    // (MongoDB 4.4)"). The version only feeds hello/buildInfo, so report what
    // a real MongoDB 5.0 reports (wire version 13). The oplog is on so that
    // change streams can be tried.
    MemoryBackend backend = new MemoryBackend();
    backend.version(MONGO_5_0_WIRE_13);
    backend.enableOplog();
    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    System.out.println("listening on " + host + ":" + port);
    System.out.flush();

    if (args.length >= 3) {
      long parent = Long.parseLong(args[2]);
      while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
        Thread.sleep(1000);
      }
      System.out.println("parent " + parent + " is gone; shutting down");
      System.exit(0);
    }
  }
}
