package org.aftercarebridge.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The built-in issuer's sign-in form (the console's users); the external issuer has its own in production. */
@Controller
@ConditionalOnProperty(name = "aftercare.security.issuer.embedded", havingValue = "true", matchIfMissing = true)
public class LoginPage {

  public static final String PATH = "/login";

  private static final String PAGE = """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in — Aftercare Bridge</title>
        <link rel="icon" href="/console/icon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/console/app.css">
      </head>
      <body>
        <main class="sign-in">
          <h1>Aftercare Bridge</h1>
          <form method="post" action="/login">
            <h2>Sign in</h2>
            %s
            <label for="username">User name</label>
            <input id="username" name="username" autocomplete="username" required autofocus>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <input type="hidden" name="%s" value="%s">
            <button type="submit">Sign in</button>
          </form>
        </main>
      </body>
      </html>
      """;

  @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  public String page(CsrfToken csrf, @RequestParam(required = false) String error) {
    String problem = error == null ? "" : "<p class=\"error\" role=\"alert\">That user name and password do not match.</p>";
    return PAGE.formatted(problem, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
  }
}
