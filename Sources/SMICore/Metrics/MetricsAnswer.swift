/// One SMI metric and the PromQL that computes it on a mesh.
public struct MetricsAnswer: Sendable, Equatable {
    /// The SMI metric name, for example `p99_response_latency`.
    public var metric: String
    /// Its unit, when it has one.
    public var unit: String?
    /// The PromQL expression.
    public var promQL: String

    /// The five SMI metrics over a mesh's latency histogram and response counter, for the
    /// series `matchers` pick.
    ///
    /// The histogram is `<histogram>_bucket`, in milliseconds; there is one series per value of
    /// `grouping` (none: one series), over `windowSeconds`.
    public static func all(
        histogram: String, counter: String, matchers: [String], success: String, failure: String,
        grouping: [String] = [], windowSeconds: Int
    ) -> [MetricsAnswer] {
        let window = "[\(windowSeconds)s]"
        let selector = matchers.joined(separator: ",")
        let by = grouping.isEmpty ? "" : " by (\(grouping.joined(separator: ", ")))"
        let bucketBy = " by (\((["le"] + grouping).joined(separator: ", ")))"
        var out: [MetricsAnswer] = []
        for (quantile, name) in [
            ("0.99", "p99_response_latency"), ("0.90", "p90_response_latency"), ("0.50", "p50_response_latency")
        ] {
            out.append(
                MetricsAnswer(
                    metric: name, unit: "ms",
                    promQL:
                        "histogram_quantile(\(quantile), sum\(bucketBy) (rate(\(histogram)_bucket{\(selector)}\(window))))"
                ))
        }
        out.append(
            MetricsAnswer(
                metric: "success_count", unit: nil,
                promQL: "sum\(by) (increase(\(counter){\(selector),\(success)}\(window)))"))
        out.append(
            MetricsAnswer(
                metric: "failure_count", unit: nil,
                promQL: "sum\(by) (increase(\(counter){\(selector),\(failure)}\(window)))"))
        return out
    }

    /// A PromQL string literal.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}

/// A mesh's answer to SMI TrafficMetrics questions.
public protocol MeshMetrics: Sendable {
    /// The five SMI metrics for `query`, or why the mesh's metrics cannot answer it.
    func queries(for query: MetricsQuery) -> Result<[MetricsAnswer], MetricsQuery.Problem>
}
