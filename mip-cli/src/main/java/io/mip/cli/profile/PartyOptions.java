package io.mip.cli.profile;

import io.mip.cli.CliFailure;
import io.mip.cli.did.DidKeyFile;
import io.mip.cli.did.KeySet;
import io.mip.cli.did.TargetOptions;
import io.mip.profile.AppProfile;
import io.mip.profile.PersonProfile;
import io.mip.profile.auth.RequestSigner;
import io.mip.profile.client.HttpProfileApi;
import io.mip.sdk.profile.NodeDidKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * Who a profile command acts as and which node it talks to: {@code --did DID}, its key file ({@code
 * --key FILE}, default {@code ~/.mip/keys/<did-id>.json}) and {@code --node URL} (default {@code
 * $MIP_NODE}, else {@code http://127.0.0.1:8080}).
 */
final class PartyOptions {

  @Option(names = "--did", required = true, paramLabel = "DID", description = "Act as this DID.")
  String did;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "The DID's key file (default: ~/.mip/keys/<did-id>.json).")
  Path key;

  @Option(
      names = "--node",
      paramLabel = "URL",
      description = "The node (default: $MIP_NODE or " + TargetOptions.DEFAULT_NODE + ").")
  URI node;

  URI node() {
    return node != null ? node : TargetOptions.defaultNode();
  }

  KeySet keys() {
    Path file = key != null ? key : DidKeyFile.defaultPath(DidKeyFile.defaultKeysDir(), did);
    return DidKeyFile.load(file, did).current();
  }

  HttpProfileApi api(KeySet k) {
    URI n = node();
    if (!("http".equals(n.getScheme()) || "https".equals(n.getScheme())) || n.getHost() == null) {
      throw CliFailure.usage("--node must be an http(s) URL, got " + n);
    }
    return new HttpProfileApi(n, new RequestSigner(did, k.signing(), Clock.systemUTC()));
  }

  PersonProfile person() {
    KeySet k = keys();
    return new PersonProfile(
        api(k), k.signing(), k.agreement(), new NodeDidKeys(node()), Clock.systemUTC());
  }

  AppProfile app() {
    KeySet k = keys();
    return new AppProfile(api(k), k.agreement(), new NodeDidKeys(node()));
  }
}
