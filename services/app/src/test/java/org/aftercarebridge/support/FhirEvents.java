package org.aftercarebridge.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FHIR discharge events a test sends the way a clinical system does, from any number of threads:
 * the text of each (by Bundle.id), the Task the service named when it acknowledged it, and every
 * answer that is neither an acknowledgement nor a dropped connection (each one a defect).
 */
public final class FhirEvents {

  public final Map<String, String> sent = new ConcurrentHashMap<>();
  public final Map<String, String> acked = new ConcurrentHashMap<>();
  public final List<String> surprises = Collections.synchronizedList(new ArrayList<>());

  /** Posts a sent event (again); a request that gets no answer (the instance died) is simply not acknowledged. */
  public void post(ServiceClient client, String token, String bundleId) {
    try {
      HttpResponse<String> response = client.postMessage(token, ServiceClient.FHIR_JSON, sent.get(bundleId));
      if (response.statusCode() != 200) {
        surprises.add(response.statusCode() + " " + response.body());
        return;
      }
      String task = ServiceClient.taskIdIn(response.body());
      String before = acked.putIfAbsent(bundleId, task);
      if (before != null && !before.equals(task)) {
        surprises.add("event " + bundleId + " acknowledged as Task/" + before + " and as Task/" + task);
      }
    } catch (RuntimeException noAnswer) {
      // not acknowledged
    }
  }
}
