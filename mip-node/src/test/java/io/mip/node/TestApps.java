package io.mip.node;

import io.mip.credential.testing.Testbed;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import java.util.List;

/** Registers relying-party apps on a {@link Testbed} ledger that runs the profile policies. */
public final class TestApps {
  private TestApps() {}

  /** Creates a did:mip for a new app and registers it with {@code app.register}. */
  public static Testbed.Party register(Testbed bed, String name, String redirect) {
    Testbed.Party app = bed.createDid();
    Testbed.require(
        bed.ledger()
            .submit(
                AppOperations.register(
                    new AppRegistration(app.did(), name, List.of(redirect)), app.key())));
    return app;
  }
}
