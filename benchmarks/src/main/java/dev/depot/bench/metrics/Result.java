package dev.depot.bench.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One row of the results: a provider, a scenario, a point of it (a curve has several). Its status is
 * ok (with figures), error (with the error, never figures) or unsupported (with the reason).
 */
public final class Result {
    public enum Status {
        OK, ERROR, UNSUPPORTED
    }

    public final String provider;
    public final String scenario;
    public final String point;
    public Status status = Status.OK;
    public String error;
    public final Map<String, Object> params = new LinkedHashMap<>();
    public final Map<String, Object> metrics = new LinkedHashMap<>();
    public final Map<String, Object> facts = new LinkedHashMap<>();
    public final List<String> notes = new ArrayList<>();
    public final Instant at = Instant.now();

    public Result(String provider, String scenario, String point) {
        this.provider = provider;
        this.scenario = scenario;
        this.point = point;
    }

    public Result fail(String message) {
        status = Status.ERROR;
        error = message;
        metrics.clear(); // an error is never a number
        notes.clear();
        return this;
    }

    public Result unsupported(String reason) {
        status = Status.UNSUPPORTED;
        error = reason;
        metrics.clear();
        return this;
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public Result put(String key, Object value) {
        metrics.put(key, value);
        return this;
    }

    public Double number(String key) {
        Object v = metrics.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** Percentiles of a latency histogram (microseconds) under keys prefix_p50_us, ... */
    public void latency(String prefix, Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return;
        }
        metrics.put(prefix + "_p50_us", h.getValueAtPercentile(50));
        metrics.put(prefix + "_p99_us", h.getValueAtPercentile(99));
        metrics.put(prefix + "_p999_us", h.getValueAtPercentile(99.9));
        metrics.put(prefix + "_max_us", h.getMaxValue());
        metrics.put(prefix + "_count", h.getTotalCount());
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", at.toString());
        m.put("provider", provider);
        m.put("scenario", scenario);
        m.put("point", point);
        m.put("status", status.name().toLowerCase());
        if (error != null) {
            m.put(status == Status.UNSUPPORTED ? "reason" : "error", error);
        }
        m.put("params", params);
        if (status == Status.OK) {
            m.put("metrics", metrics);
        }
        m.put("facts", facts);
        if (!notes.isEmpty()) {
            m.put("notes", notes);
        }
        return Json.write(m);
    }
}
