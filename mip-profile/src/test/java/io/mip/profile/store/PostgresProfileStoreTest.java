package io.mip.profile.store;

import org.junit.jupiter.api.Tag;

/** The store contract on a real PostgreSQL server. */
@Tag("slow")
class PostgresProfileStoreTest extends ProfileStoreContract {
  @Override
  ProfileStore openStore() {
    return PostgresProfileStore.open(PostgresTestDatabase.freshSchemaUrl());
  }
}
