package org.aftercarebridge.integration.directory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aftercarebridge.directory.DirectoryProperties.FeedSource;

/** Fetches a feed's text from a file or over HTTP(S), bounded in time and size. */
public final class FeedFetcher {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NORMAL).build();
  private final int maxCharacters;

  public FeedFetcher(int maxCharacters) {
    this.maxCharacters = maxCharacters;
  }

  public String fetch(FeedSource source) throws IOException, InterruptedException {
    String uri = source.uri();
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("feed " + source.name() + " answered HTTP " + response.statusCode());
        }
        return bounded(body, source);
      }
    }
    Path path = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    try (InputStream body = Files.newInputStream(path)) {
      return bounded(body, source);
    }
  }

  private String bounded(InputStream body, FeedSource source) throws IOException {
    byte[] bytes = body.readNBytes(maxCharacters + 1);
    if (bytes.length > maxCharacters) {
      throw new IOException("feed " + source.name() + " is larger than " + maxCharacters + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
