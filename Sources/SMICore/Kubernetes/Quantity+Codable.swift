extension Quantity: Codable {
    /// Reads an integer or a quantity string (`1`, `"500m"`, or a plain `500m`).
    ///
    /// A YAML float such as `0.1` is refused, as the CRDs refuse it (notes D11).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            self.init(integer)
            return
        }
        guard let text = try? container.decode(String.self) else {
            throw DecodingError.typeMismatch(
                Quantity.self,
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "expected an integer or a quantity string such as \"500m\" (a float is not a quantity)"))
        }
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    /// Writes whole values as integers and others as quantity strings (`"500m"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let integer = integerValue {
            try container.encode(integer)
        } else {
            try container.encode(kubernetesText)
        }
    }

    /// The value in Kubernetes' notation: an integer, or with the `m`, `u` or `n` suffix,
    /// or with an exponent.
    public var kubernetesText: String {
        if let integer = integerValue { return String(integer) }
        for (suffix, power) in [("m", -3), ("u", -6), ("n", -9)] where exponent >= power {
            var v = significand
            for _ in 0..<(exponent - power) { v *= 10 }
            return "\(v)\(suffix)"
        }
        return "\(significand)e\(exponent)"
    }
}
