package io.mip.cli.profile;

import io.mip.cli.NodeUriOption;
import io.mip.cli.passport.Holder;
import io.mip.cli.passport.HolderOptions;
import io.mip.profile.PersonProfile;
import io.mip.profile.client.HttpProfileApi;
import io.mip.profile.service.ProfileResult;
import io.mip.sdk.profile.NodeDidKeys;
import java.net.URI;
import java.time.Clock;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * Who a person's profile command acts as ({@link HolderOptions}: a passport unlocked with face and
 * PIN, or {@code --did/--key}) and which node it talks to ({@code --node URL}).
 */
final class PersonOptions {
  @Mixin HolderOptions who;
  @Mixin NodeUriOption node;

  /**
   * Unlocks the holder, runs {@code call} on the person's profile, closes the holder (an unlocked
   * passport's seed is overwritten) and returns the value ({@link Results#value} exit codes).
   */
  <T> T run(Function<PersonProfile, ProfileResult<T>> call) {
    URI n = node.uri();
    Clock clock = Clock.systemUTC();
    try (Holder h = who.open()) {
      PersonProfile person =
          h.profile(new HttpProfileApi(n, h.requestSigner(clock)), new NodeDidKeys(n), clock);
      return Results.value(() -> call.apply(person));
    }
  }
}
