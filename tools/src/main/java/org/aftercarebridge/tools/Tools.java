package org.aftercarebridge.tools;

import java.util.Arrays;

/** {@code java -jar aftercare-tools.jar consume|bench [options]}. */
public final class Tools {

  private Tools() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    Options options = Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
    switch (command) {
      case "consume" -> ReferralConsumer.run(options);
      case "bench" -> Bench.run(options);
      default -> {
        System.out.println(
            """
            usage: aftercare-tools consume [--broker tcp://localhost:61616] [--user coordinator-dev]
                                           [--password …] [--queue aftercare.referrals] [--wait-seconds 5] [--full]
                   aftercare-tools bench   [--base http://localhost:8080] [--broker tcp://localhost:61616]
                                           [--events 2000] [--warmup 200] [--concurrency 8]
                                           [--rate EVENTS_PER_S | --half-peak] [--mllp localhost:2575]
            """);
        System.exit("help".equals(command) ? 0 : 2);
      }
    }
  }
}
