package io.mip.cli.profile;

import io.mip.cli.CliFailure;
import io.mip.profile.client.ProfileTransportException;
import io.mip.profile.service.ProfileRefusal;
import io.mip.profile.service.ProfileResult;
import java.util.function.Supplier;

/** Turns profile results into values or CLI failures with the documented exit codes. */
final class Results {
  private Results() {}

  /** Runs {@code call}; a refusal exits 1 naming its code, an unreachable node exits 3. */
  static <T> T value(Supplier<ProfileResult<T>> call) {
    ProfileResult<T> r;
    try {
      r = call.get();
    } catch (ProfileTransportException e) {
      throw CliFailure.io(e.getMessage());
    }
    if (!r.isOk()) {
      ProfileRefusal f = r.refusal();
      throw CliFailure.refused("refused (" + f.code() + "): " + f.detail());
    }
    return r.value();
  }
}
