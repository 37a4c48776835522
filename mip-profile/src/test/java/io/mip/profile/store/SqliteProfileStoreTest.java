package io.mip.profile.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite. */
class SqliteProfileStoreTest extends ProfileStoreContract {
  @TempDir Path dir;

  @Override
  ProfileStore openStore() {
    return SqliteProfileStore.open(dir.resolve("profile.db"));
  }
}
