package io.mip.profile.store;

import org.junit.jupiter.api.Tag;

/** The blob contract on a real PostgreSQL server. */
@Tag("slow")
class PostgresBlobStoreTest extends BlobStoreContract {
  @Override
  BlobStore openBlobs() {
    return PostgresBlobStore.open(PostgresTestDatabase.freshSchemaUrl());
  }
}
