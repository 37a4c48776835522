package io.mip.cli.profile;

import io.mip.cli.NodeUriOption;
import io.mip.cli.did.DidKeyFile;
import io.mip.cli.passport.DidKeyOptions;
import java.net.URI;
import picocli.CommandLine.Mixin;

/**
 * An app's command options: {@code --did DID} and/or its key file {@code --key FILE} (default
 * {@code ~/.mip/keys/<did-id>.json}), and {@code --node URL}.
 */
final class PartyOptions {
  @Mixin DidKeyOptions key;
  @Mixin NodeUriOption node;

  URI node() {
    return node.uri();
  }

  DidKeyFile keyFile() {
    return key.load();
  }
}
