package io.mip.profile.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the test PostgreSQL server ({@code MIP_TEST_PG_URL}, default the cluster {@code
 * .ci/install-postgres.sh} starts). Skips the test with a clear message when no server answers.
 */
final class PostgresTestDatabase {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:54329/mip?user=mip&password=mip";

  private PostgresTestDatabase() {}

  /** Creates a new schema and returns a JDBC URL whose current schema it is. */
  static String freshSchemaUrl() {
    String base = System.getenv().getOrDefault("MIP_TEST_PG_URL", DEFAULT_URL);
    byte[] r = new byte[6];
    new SecureRandom().nextBytes(r);
    String schema = "mip_test_" + HexFormat.of().formatHex(r);
    try (Connection c = DriverManager.getConnection(base + sep(base) + "connectTimeout=3");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assumptions.abort(
          "PostgreSQL not reachable at MIP_TEST_PG_URL or "
              + DEFAULT_URL.replaceAll("password=[^&]*", "password=***")
              + " (run .ci/install-postgres.sh): "
              + e.getMessage());
    }
    return base + sep(base) + "currentSchema=" + schema;
  }

  private static String sep(String url) {
    return url.contains("?") ? "&" : "?";
  }
}
