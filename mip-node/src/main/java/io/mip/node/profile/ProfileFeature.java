package io.mip.node.profile;

import io.javalin.Javalin;
import io.mip.ledger.OperationPolicy;
import io.mip.node.NodeContext;
import io.mip.node.NodeFeature;
import java.util.List;

/**
 * The Smart Profile as a node feature: the {@code app.*}, {@code consent.*} and {@code
 * anchor.batch} admission policies, and the {@link ProfileModule} (embedded store in {@code
 * <data>/profile}, routes under {@code /profile}), closed before the ledger.
 */
public final class ProfileFeature implements NodeFeature {
  @Override
  public List<OperationPolicy> policies() {
    return ProfileModule.policies();
  }

  @Override
  public Started start(NodeContext context) {
    ProfileModule module =
        ProfileModule.open(context.config().dataDir(), context.ledger(), context.resolver());
    return new Started() {
      @Override
      public void register(Javalin app) {
        module.register(app);
      }

      @Override
      public void close() {
        module.close();
      }
    };
  }
}
