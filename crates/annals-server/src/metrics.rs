//! Metrics in the Prometheus text format at `/metrics`: requests by route and status, latency
//! histograms, open and shed connections, queued expensive requests, the store's events and
//! generation, the index's generation, and imported events.

use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

/// Labels of a request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route's pattern (`/api/events/{id}`), or `other`.
    pub route: String,
    /// The method.
    pub method: String,
    /// The status code.
    pub status: u16,
}

/// Labels of a latency.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The route's pattern.
    pub route: String,
}

/// Why a client was turned away.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
pub enum Shed {
    /// Too many open connections.
    Connections,
    /// Too many expensive requests waiting.
    Queue,
    /// Too many writes from one address.
    Rate,
    /// A request took longer than the request timeout.
    Timeout,
}

/// Labels of a shed.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ShedLabels {
    /// Why.
    pub reason: Shed,
}

/// The server's metrics.
pub struct Metrics {
    registry: Registry,
    /// Requests answered.
    pub requests: Family<RequestLabels, Counter>,
    /// Time to answer, by route.
    pub latency: Family<RouteLabels, Histogram>,
    /// Connections open now.
    pub connections: Gauge,
    /// Clients turned away.
    pub shed: Family<ShedLabels, Counter>,
    /// Expensive requests waiting for their turn now.
    pub queued: Gauge,
    /// Events in the store.
    pub events: Gauge,
    /// The store's generation.
    pub store_generation: Gauge,
    /// The generation the search index reflects.
    pub index_generation: Gauge,
    /// Events written by imports through the API.
    pub imported: Counter,
    /// Search pages answered from the page cache.
    pub page_cache_hits: Counter,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let mut registry = Registry::with_prefix("annals");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            // 0.5 ms to about 8 s.
            Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(
                0.0005, 2.0, 15,
            ))
        });
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request",
            latency.clone(),
        );
        let connections = Gauge::default();
        registry.register(
            "http_open_connections",
            "Connections open now",
            connections.clone(),
        );
        let shed = Family::<ShedLabels, Counter>::default();
        registry.register(
            "http_shed",
            "Clients turned away (503 or 429) and why",
            shed.clone(),
        );
        let queued = Gauge::default();
        registry.register(
            "http_queued_requests",
            "Expensive requests waiting for their turn",
            queued.clone(),
        );
        let events = Gauge::default();
        registry.register("events", "Events in the store", events.clone());
        let store_generation = Gauge::default();
        registry.register(
            "store_generation",
            "Write transactions the store has committed",
            store_generation.clone(),
        );
        let index_generation = Gauge::default();
        registry.register(
            "index_generation",
            "The store generation the search index reflects",
            index_generation.clone(),
        );
        let imported = Counter::default();
        registry.register(
            "imported_events",
            "Events written by imports through the API",
            imported.clone(),
        );
        let page_cache_hits = Counter::default();
        registry.register(
            "page_cache_hits",
            "Search pages answered from the cache of this store generation",
            page_cache_hits.clone(),
        );
        Metrics {
            page_cache_hits,
            registry,
            requests,
            latency,
            connections,
            shed,
            queued,
            events,
            store_generation,
            index_generation,
            imported,
        }
    }
}

impl Metrics {
    /// Count one answered request.
    pub fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                route: route.to_string(),
                method: method.to_string(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_string(),
            })
            .observe(seconds);
    }

    /// Count one client turned away.
    pub fn shed(&self, reason: Shed) {
        self.shed.get_or_create(&ShedLabels { reason }).inc();
    }

    /// The text format.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_format() {
        let m = Metrics::default();
        m.observe("/api/events/{id}", "GET", 200, 0.002);
        m.shed(Shed::Connections);
        m.connections.set(3);
        let text = m.encode();
        assert!(text.contains(
            r#"annals_http_requests_total{route="/api/events/{id}",method="GET",status="200"} 1"#
        ));
        assert!(text.contains("annals_http_request_duration_seconds_bucket"));
        assert!(text.contains(r#"annals_http_shed_total{reason="Connections"} 1"#));
        assert!(text.contains("annals_http_open_connections 3"));
        assert!(text.ends_with("# EOF\n"));
    }
}
