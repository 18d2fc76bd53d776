package io.wopihost.server.cli;

import io.wopihost.server.DemoContent;
import io.wopihost.server.Host;
import io.wopihost.server.TokenMinter;
import io.wopihost.server.web.FirstAdmin;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wopihost serve}: runs the host until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the WOPI host.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var settings = config.load();
    Host host = Host.open(settings, Clock.systemUTC());
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  host.close();
                  stopped.countDown();
                },
                "wopihost-shutdown"));
    DemoContent.importOnFirstStart(host);
    Optional<String> adminPassword = host.settings().database().url().startsWith("jdbc:sqlite:")
        ? FirstAdmin.createIfNoUsers(host.users())
        : Optional.empty();
    host.serve();
    banner(host, spec.commandLine().getOut(), adminPassword);
    stopped.await();
    return 0;
  }

  private static void banner(Host host, PrintWriter out, Optional<String> adminPassword) {
    String base = host.publicUrl().toString();
    out.println("wopihost is listening on port " + host.port());
    out.println("  web page:  " + base + "/");
    adminPassword.ifPresent(password -> {
      out.println("  sign in:   user " + FirstAdmin.USER_ID + ", password " + password);
      out.println("             (shown only this once; change it under Password after signing in)");
    });
    DemoContent.welcomeFile(host)
        .ifPresent(
            file -> {
              Map<String, Object> t =
                  new TokenMinter(host)
                      .mint(file.id(), DemoContent.DEMO_USER, false, host.settings().tokenTtl());
              out.println("  demo file: " + file.name());
              out.println("  WOPISrc:   " + t.get("wopiSrc"));
              out.println("  token:     " + t.get("accessToken"));
              out.println("  token ttl: " + t.get("accessTokenTtl") + " (ms since epoch)");
              out.println("  try it:    curl '" + t.get("wopiSrc") + "?access_token="
                  + t.get("accessToken") + "'");
            });
    out.flush();
  }
}
