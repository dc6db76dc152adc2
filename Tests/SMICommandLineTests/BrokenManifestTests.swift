import Testing

/// Broken manifests, one per case, through `smi validate -`: the exact diagnostics (code,
/// object, field path, line:column and words) and the summary.
///
/// Syntax errors, wrong types, unknown fields, wrong apiVersion/kind pairs, missing required
/// fields, references to missing or unusable objects, out-of-range values and broken lists.
/// Every problem of an object is reported in one run. Every case fails validation (exit 1); the
/// lints that are warnings fail it with `--strict`.
@Suite struct BrokenManifestTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let expected: String
        init(_ name: String, _ yaml: String, _ expected: String) {
            self.name = name
            self.yaml = yaml
            self.expected = expected
        }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            "syntax-unclosed-double-quote",
            "a: \"abc\n",
            "<stdin>:2:1: error[SMI0001]: unexpected end of input inside a quoted scalar that starts at 1:4\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-unclosed-flow-mapping",
            "a: {b: 1\n",
            "<stdin>:2:1: error[SMI0001]: expected ',' or '}' in the flow mapping that starts at 1:4, found the end of the input\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-unclosed-flow-at-end",
            "{",
            "<stdin>:1:2: error[SMI0001]: expected a value, found the end of the input\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-unclosed-flow-sequence",
            "spec:\n  backends: [a, b\n",
            "<stdin>:3:1: error[SMI0001]: expected ',' or ']' in the flow sequence that starts at 2:13, found the end of the input\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-tab-indentation",
            "spec:\n\tservice: web\n",
            "<stdin>:2:2: error[SMI0001]: tab characters must not be used for indentation\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-duplicate-key",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  service: api\n",
            "<stdin>:8:3: error[SMI0001]: duplicate mapping key 'service' (first defined at 7:3)\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-inconsistent-indentation",
            "spec:\n    service: web\n  backends: []\n",
            "<stdin>:3:3: error[SMI0001]: inconsistent indentation: expected a key at column 1 of the mapping that starts at 1:1, or less indentation\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-mapping-value-in-plain",
            "metadata: name: web\n",
            "<stdin>:1:15: error[SMI0001]: a mapping value is not allowed here; did you mean to quote a value containing ': '?\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-undefined-alias",
            "spec:\n  service: *root\n",
            "<stdin>:2:12: error[SMI0001]: alias '*root' refers to no anchor defined before it\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-reserved-indicator",
            "spec:\n  service: @web\n",
            "<stdin>:2:12: error[SMI0001]: '@' is reserved and cannot start a plain scalar; quote the value\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-block-sequence-not-allowed",
            "backends: - web\n",
            "<stdin>:1:11: error[SMI0001]: a block sequence entry is not allowed here; start it on a new line\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-bom-in-the-middle",
            "a: 1\nb: \u{FEFF}x\n",
            "<stdin>:2:4: error[SMI0001]: byte order mark is only allowed at the start of the input\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-control-character",
            "a: \u{1}\n",
            "<stdin>:1:4: error[SMI0001]: control character U+0001 is not allowed; escape it in a double-quoted string\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-bad-escape",
            "a: \"\\q\"\n",
            "<stdin>:1:5: error[SMI0001]: unknown escape sequence in a double-quoted scalar\n1 error, 0 warnings in 0 documents\n"
        ),
        Case(
            "syntax-second-document-broken",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n---\nkind: [\n",
            "<stdin>:15:1: error[SMI0001]: expected a value, found the end of the input\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-weight-string",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: ten\n",
            "<stdin>:10:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: expected an integer, found string \"ten\"\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-weight-float",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 1.5\n",
            "<stdin>:10:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: expected an integer, found number 1.5\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-weight-quoted-number",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: \"90\"\n",
            "<stdin>:10:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: expected an integer, found string \"90\"\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-backends-mapping",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n    service: web-v1\n    weight: 90\n",
            "<stdin>:9:5: error[SMI1001]: TrafficSplit shop/web: spec.backends: expected a sequence, found a mapping\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-service-list",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: [web]\n  backends:\n  - service: web-v1\n    weight: 90\n",
            "<stdin>:7:12: error[SMI1001]: TrafficSplit shop/web: spec.service: expected a string, found a sequence\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-methods-string",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: /items\n    methods: GET\n",
            "<stdin>:10:14: error[SMI1001]: HTTPRouteGroup shop/routes: spec.matches[0].methods: expected a sequence, found string \"GET\"\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-pathregex-int",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: 404\n    methods: [GET]\n",
            "<stdin>:9:16: error[SMI1001]: HTTPRouteGroup shop/routes: spec.matches[0].pathRegex: expected a string, found integer 404\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-sources-mapping",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n    kind: ServiceAccount\n    name: web\n",
            "<stdin>:15:5: error[SMI1001]: TrafficTarget shop/api: spec.sources: expected a sequence, found a mapping\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-ports-strings",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  matches:\n    ports: [\"5432\"]\n",
            "<stdin>:8:13: error[SMI1001]: TCPRoute shop/db: spec.matches.ports[0]: expected an integer, found string \"5432\"\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-port-yes",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  matches:\n    ports: [yes]\n",
            "<stdin>:8:13: error[SMI1001]: TCPRoute shop/db: spec.matches.ports[0]: expected an integer, found boolean true\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-metadata-name-int",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: 42\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:4:9: error[SMI1001]: TrafficSplit shop/(unnamed): metadata.name: expected a string, found integer 42\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-spec-list",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n- service: web\n",
            "<stdin>:7:1: error[SMI1001]: TrafficSplit shop/web: spec: expected a mapping, found a sequence\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-headers-string",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: /items\n    methods: [GET]\n    headers: x-user\n",
            "<stdin>:11:14: error[SMI1001]: HTTPRouteGroup shop/routes: spec.matches[0].headers: expected a mapping, found string \"x-user\"\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-labels-int",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\n  labels:\n    tier: 1\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:7:11: error[SMI1001]: TrafficSplit shop/web: metadata.labels.tier: expected a string, found integer 1\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-spec-field",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n  backend: web-v3\n",
            "<stdin>:13:3: error[SMI1002]: TrafficSplit shop/web: spec.backend: unknown field 'backend'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-backend-field",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weigth: 90\n",
            "<stdin>:10:5: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: missing required field; unknown field 'weigth' may be a misspelling of it\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-top-level-field",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\nstatus:\n  ready: true\n",
            "<stdin>:13:1: error[SMI1002]: TrafficSplit shop/web: status: unknown field 'status'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-rule-field",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n    match: [read]\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:14:5: error[SMI1002]: TrafficTarget shop/api: spec.rules[0].match: unknown field 'match'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-tcp-match-field",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  matches:\n    port: 5432\n",
            "<stdin>:8:5: error[SMI1001]: TCPRoute shop/db: spec.matches.ports: missing required field; unknown field 'port' may be a misspelling of it\n1 error, 0 warnings in 1 document\n"
        ),
        // v1alpha3 TCPRoutes have an empty spec: ports written there (a v1alpha4 field) must
        // make the route invalid, not let it grant every port.
        Case(
            "ports-on-v1alpha3-tcp-route",
            "apiVersion: specs.smi-spec.io/v1alpha3\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  matches:\n    ports: [5432]\n",
            "<stdin>:7:3: error[SMI1002]: TCPRoute shop/db: spec.matches: unknown field 'matches'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-match-field",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: /items\n    methods: [GET]\n    path: /items\n",
            "<stdin>:11:5: error[SMI1002]: HTTPRouteGroup shop/routes: spec.matches[0].path: unknown field 'path'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-target-field",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n  source:\n    name: web\n",
            "<stdin>:18:3: error[SMI1002]: TrafficTarget shop/api: spec.source: unknown field 'source'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-metadata-field",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\n  label:\n    a: b\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:6:3: error[SMI1002]: TrafficSplit shop/web: metadata.label: unknown field 'label'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-v1alpha4-field-in-v1alpha2",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n  matches:\n  - kind: HTTPRouteGroup\n    name: routes\n",
            "<stdin>:13:3: error[SMI1002]: TrafficSplit shop/web: spec.matches: unknown field 'matches'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-split-v1alpha5",
            "apiVersion: split.smi-spec.io/v1alpha5\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:1:13: error[SMI1003]: TrafficSplit shop/web: apiVersion: 'split.smi-spec.io/v1alpha5' TrafficSplit is not a released SMI apiVersion and kind; did you mean split.smi-spec.io/v1alpha4 TrafficSplit?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-access-v1alpha4",
            "apiVersion: access.smi-spec.io/v1alpha4\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:1:13: error[SMI1003]: TrafficTarget shop/api: apiVersion: 'access.smi-spec.io/v1alpha4' TrafficTarget is not a released SMI apiVersion and kind; did you mean access.smi-spec.io/v1alpha3 TrafficTarget?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-kind-in-wrong-group",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:1:13: error[SMI1003]: TrafficSplit shop/web: apiVersion: 'access.smi-spec.io/v1alpha3' TrafficSplit is not a released SMI apiVersion and kind; did you mean split.smi-spec.io/v1alpha3 TrafficSplit?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-udproute-v1alpha3",
            "apiVersion: specs.smi-spec.io/v1alpha3\nkind: UDPRoute\nmetadata:\n  name: dns\n  namespace: shop\nspec:\n  matches:\n    ports: [53]\n",
            "<stdin>:1:13: error[SMI1003]: UDPRoute shop/dns: apiVersion: 'specs.smi-spec.io/v1alpha3' UDPRoute is not a released SMI apiVersion and kind; did you mean specs.smi-spec.io/v1alpha4 UDPRoute?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-kind-lowercase",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: trafficsplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:1:13: error[SMI1003]: trafficsplit shop/web: apiVersion: 'split.smi-spec.io/v1alpha2' trafficsplit is not a released SMI apiVersion and kind; did you mean split.smi-spec.io/v1alpha2 TrafficSplit?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-old-spec-group",
            "apiVersion: spec.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches: []\n",
            "<stdin>:1:13: error[SMI1003]: HTTPRouteGroup shop/routes: apiVersion: 'spec.smi-spec.io/v1alpha4' HTTPRouteGroup is not a released SMI apiVersion and kind; did you mean specs.smi-spec.io/v1alpha4 HTTPRouteGroup?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-metrics-v1alpha3",
            "apiVersion: metrics.smi-spec.io/v1alpha3\nkind: TrafficMetrics\nmetadata:\n  name: m\n  namespace: shop\n",
            "<stdin>:1:13: error[SMI1003]: TrafficMetrics shop/m: apiVersion: 'metrics.smi-spec.io/v1alpha3' TrafficMetrics is not a released SMI apiVersion and kind; did you mean metrics.smi-spec.io/v1alpha2 TrafficMetrics?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "pair-split-unversioned",
            "apiVersion: split.smi-spec.io\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:1:13: error[SMI1003]: TrafficSplit shop/web: apiVersion: 'split.smi-spec.io' TrafficSplit is not a released SMI apiVersion and kind; did you mean split.smi-spec.io/v1alpha4 TrafficSplit?\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-split-service",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  backends:\n  - service: web-v1\n    weight: 90\n",
            "<stdin>:7:3: error[SMI1001]: TrafficSplit shop/web: spec.service: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-backend-service",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - weight: 90\n",
            "<stdin>:9:5: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].service: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-split-spec",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\n",
            "<stdin>:1:1: error[SMI1001]: TrafficSplit shop/web: spec: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-target-destination",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:7:3: error[SMI1001]: TrafficTarget shop/api: spec.destination: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-rule-name",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:12:5: error[SMI1001]: TrafficTarget shop/api: spec.rules[0].name: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-match-name",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - pathRegex: /items\n",
            "<stdin>:8:5: error[SMI1001]: HTTPRouteGroup shop/routes: spec.matches[0].name: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-metadata-name",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:4:3: error[SMI2401]: TrafficSplit shop/(unnamed): metadata.name: '' is not a valid object name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253)\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-metadata",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:1:1: error[SMI1001]: TrafficSplit (unnamed): metadata: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-tcp-matches",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec: {}\n",
            "<stdin>:6:7: error[SMI1001]: TCPRoute shop/db: spec.matches: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-subject-name",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    namespace: shop\n",
            "<stdin>:15:5: error[SMI1001]: TrafficTarget shop/api: spec.sources[0].name: missing required field\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "reference-missing-group",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:13:11: error[SMI2104]: TrafficTarget shop/api: spec.rules[0].name: HTTPRouteGroup shop/routes does not exist; this rule grants nothing\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "reference-missing-match",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: /items\n    methods: [GET]\n---\napiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n    matches: [write]\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:25:15: error[SMI2104]: TrafficTarget shop/api: spec.rules[0].matches[0]: HTTPRouteGroup shop/routes has no match 'write'; it grants nothing\n1 error, 0 warnings in 2 documents\n"
        ),
        Case(
            "reference-missing-tcproute",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: TCPRoute\n    name: db\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:13:11: error[SMI2104]: TrafficTarget shop/api: spec.rules[0].name: TCPRoute shop/db does not exist; this rule grants nothing\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "reference-split-missing-group",
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n  matches:\n  - kind: HTTPRouteGroup\n    name: canary\n",
            "<stdin>:15:11: error[SMI2104]: TrafficSplit shop/web: spec.matches[0].name: HTTPRouteGroup shop/canary does not exist; the split is not rendered\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "reference-group-in-other-namespace",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: other\nspec:\n  matches:\n  - name: read\n    pathRegex: /items\n    methods: [GET]\n---\napiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:24:11: error[SMI2104]: TrafficTarget shop/api: spec.rules[0].name: HTTPRouteGroup shop/routes does not exist; this rule grants nothing\n1 error, 0 warnings in 2 documents\n"
        ),
        Case(
            "value-negative-weight",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: -5\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:10:13: error[SMI2001]: TrafficSplit shop/web: spec.backends[0].weight: must not be negative\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-all-zero",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 0\n",
            "<stdin>:9:3: error[SMI2002]: TrafficSplit shop/web: spec.backends: no backend has a weight above 0: the split cannot route; it is not rendered\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-duplicate-backend",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 1\n  - service: web-v1\n    weight: 1\n",
            "<stdin>:11:14: error[SMI2003]: TrafficSplit shop/web: spec.backends[1].service: Service 'web-v1' is already backend 0\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-weight-overflows-int64",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 9223372036854775808\n",
            "<stdin>:10:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: number 9.223372036854776e+18 is out of range for Int\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-weights-sum-overflows",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 9223372036854775807\n  - service: web-v2\n    weight: 9223372036854775807\n",
            "<stdin>:9:3: error[SMI2002]: TrafficSplit shop/web: spec.backends: the weights add up to more than a 64-bit integer holds\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-port-zero",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  matches:\n    ports: [0]\n",
            "<stdin>:8:12: error[SMI2301]: TCPRoute shop/db: spec.matches.ports: no valid port is left; the route grants nothing (not every port)\n<stdin>:8:13: error[SMI2301]: TCPRoute shop/db: spec.matches.ports[0]: port 0 is not between 1 and 65535; it is ignored\n2 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "value-port-too-large",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  matches:\n    ports: [4294967297]\n",
            "<stdin>:8:12: error[SMI2301]: TCPRoute shop/db: spec.matches.ports: no valid port is left; the route grants nothing (not every port)\n<stdin>:8:13: error[SMI2301]: TCPRoute shop/db: spec.matches.ports[0]: port 4294967297 is not between 1 and 65535; it is ignored\n2 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "value-invalid-regex",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: \"/items([\"\n    methods: [GET]\n",
            "<stdin>:9:16: error[SMI2202]: HTTPRouteGroup shop/routes: spec.matches[0].pathRegex: not an RE2 regular expression: missing closing ']'; this match grants nothing\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-invalid-method",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: /items\n    methods: [FETCH]\n",
            "<stdin>:10:15: error[SMI2203]: HTTPRouteGroup shop/routes: spec.matches[0].methods[0]: 'FETCH' is not an HTTP method of the CRD (or '*'); the HTTPRouteGroup is invalid and grants nothing\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-invalid-name",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: Web_Split\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n  - service: web-v2\n    weight: 10\n",
            "<stdin>:4:9: error[SMI2401]: TrafficSplit shop/Web_Split: metadata.name: 'Web_Split' is not a valid object name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253)\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-duplicate-match-name",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    pathRegex: /items\n    methods: [GET]\n  - name: read\n    pathRegex: /other\n",
            "<stdin>:11:11: error[SMI2201]: HTTPRouteGroup shop/routes: spec.matches[1].name: match name 'read' is also used by match 0; rules naming it grant nothing\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-subject-group",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: Group\n    name: web\n    namespace: shop\n",
            "<stdin>:13:11: error[SMI2104]: TrafficTarget shop/api: spec.rules[0].name: HTTPRouteGroup shop/routes does not exist; this rule grants nothing\n<stdin>:15:11: error[SMI2102]: TrafficTarget shop/api: spec.sources[0].kind: source kind 'Group' is not ServiceAccount; this source matches nothing\n2 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "value-v1alpha1-weight-quantity",
            "apiVersion: split.smi-spec.io/v1alpha1\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 10q\n",
            "<stdin>:10:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: '10q' is not a quantity: unknown suffix 'q'\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "value-destination-port-range",
            "apiVersion: access.smi-spec.io/v1alpha2\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n    port: 70000\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:11:11: error[SMI2301]: TrafficTarget shop/api: spec.destination.port: destination port 70000 is not in 1-65535, so this target grants nothing\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "type-two-fractional-weights",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 0.5\n  - service: web-v2\n    weight: 1.5\n",
            "<stdin>:10:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: expected an integer, found number 0.5\n<stdin>:12:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[1].weight: expected an integer, found number 1.5\n2 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-destination-kind-and-rule-name",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    matches: [read]\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:8:5: error[SMI1001]: TrafficTarget shop/api: spec.destination.kind: missing required field\n<stdin>:11:5: error[SMI1001]: TrafficTarget shop/api: spec.rules[0].name: missing required field\n2 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "missing-every-field-of-a-backend",
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  service: [web]\n  backends:\n  - {}\n  - service: web-v2\n    weight: ten\n    extra: 1\n",
            "<stdin>:7:12: error[SMI1001]: TrafficSplit shop/web: spec.service: expected a string, found a sequence\n<stdin>:9:5: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].service: missing required field\n<stdin>:9:5: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: missing required field\n<stdin>:11:13: error[SMI1001]: TrafficSplit shop/web: spec.backends[1].weight: expected an integer, found string \"ten\"\n<stdin>:12:5: error[SMI1002]: TrafficSplit shop/web: spec.backends[1].extra: unknown field 'extra'\n5 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "unknown-v1alpha1-layout-under-v1alpha3",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\ndestination:\n  kind: ServiceAccount\n  name: api\n  namespace: shop\nspecs:\n- kind: HTTPRouteGroup\n  name: routes\nsources:\n- kind: ServiceAccount\n  name: web\n  namespace: shop\n",
            "<stdin>:6:1: error[SMI1002]: TrafficTarget shop/api: destination: unknown field 'destination'\n<stdin>:10:1: error[SMI1001]: TrafficTarget shop/api: spec: missing required field; 'destination', 'specs', 'sources' at the top level belong under 'spec' in access.smi-spec.io/v1alpha3 (the layout of an older version)\n<stdin>:13:1: error[SMI1002]: TrafficTarget shop/api: sources: unknown field 'sources'\n3 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "list-item-not-a-mapping",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: web\n    namespace: shop\n- just a string\n",
            "<stdin>:9:3: error[SMI1005]: items[1]: an item of a List must be an object, found string \"just a string\"\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "list-item-broken",
            "apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: \"\"\nitems:\n- apiVersion: split.smi-spec.io/v1alpha2\n  kind: TrafficSplit\n  metadata:\n    name: web\n    namespace: shop\n  spec:\n    service: web\n    backends:\n    - service: web-v1\n      weigth: 90\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: access.smi-spec.io/v1alpha3\n    kind: TrafficTarget\n    metadata:\n      name: api\n      namespace: shop\n    spec:\n      destination:\n        kind: ServiceAccount\n        name: api\n        namespace: shop\n      rules:\n      - kind: HTTPRouteGroup\n        name: routes\n      sources:\n      - kind: ServiceAccount\n        name: web\n        namespace: shop\n",
            "<stdin>:15:7: error[SMI1001]: TrafficSplit shop/web: spec.backends[0].weight: missing required field; unknown field 'weigth' may be a misspelling of it\n<stdin>:31:15: error[SMI2104]: TrafficTarget shop/api: spec.rules[0].name: HTTPRouteGroup shop/routes does not exist; this rule grants nothing\n2 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "list-typed-items-without-kind",
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplitList\nmetadata:\n  resourceVersion: \"42\"\nitems:\n- metadata:\n    name: web\n    namespace: shop\n  spec:\n    service: web\n    backends:\n    - service: web-v1\n      weight: -1\n",
            "<stdin>:12:5: error[SMI2002]: TrafficSplit shop/web: spec.backends: no backend has a weight above 0: the split cannot route; it is not rendered\n<stdin>:13:15: error[SMI2001]: TrafficSplit shop/web: spec.backends[0].weight: must not be negative\n2 errors, 0 warnings in 1 document\n"
        ),
        Case(
            "reference-unusable-match",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n    matches: [broken, twice, headers]\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n---\napiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: broken\n    pathRegex: /items/(\n  - name: twice\n    pathRegex: /a\n  - name: twice\n    pathRegex: /b\n  - name: headers\n    headers:\n    - x-user: admin\n    - X-User: root\n",
            "<stdin>:14:15: error[SMI2111]: TrafficTarget shop/api: spec.rules[0].matches[0]: match 'broken' of HTTPRouteGroup shop/routes cannot be used (its pathRegex is not RE2); it grants nothing\n<stdin>:14:23: error[SMI2111]: TrafficTarget shop/api: spec.rules[0].matches[1]: HTTPRouteGroup shop/routes names 2 matches 'twice'; the name is ambiguous, so it grants nothing\n<stdin>:14:30: error[SMI2111]: TrafficTarget shop/api: spec.rules[0].matches[2]: match 'headers' of HTTPRouteGroup shop/routes cannot be used (it names header 'X-User' twice); it grants nothing\n<stdin>:28:16: error[SMI2202]: HTTPRouteGroup shop/routes: spec.matches[0].pathRegex: not an RE2 regular expression: missing ')'; this match grants nothing\n<stdin>:31:11: error[SMI2201]: HTTPRouteGroup shop/routes: spec.matches[2].name: match name 'twice' is also used by match 1; rules naming it grant nothing\n<stdin>:36:15: error[SMI2204]: HTTPRouteGroup shop/routes: spec.matches[3].headers[1].X-User: header 'X-User' is named twice in one match; the match grants nothing\n6 errors, 0 warnings in 2 documents\n"
        ),
        Case(
            "reference-udproute-from-v1alpha2",
            "apiVersion: access.smi-spec.io/v1alpha2\nkind: TrafficTarget\nmetadata:\n  name: dns\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: resolver\n    namespace: shop\n  rules:\n  - kind: UDPRoute\n    name: dns\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n",
            "<stdin>:12:11: error[SMI2107]: TrafficTarget shop/dns: spec.rules[0].kind: rule kind 'UDPRoute' is not in access.smi-spec.io/v1alpha2, whose CRD allows HTTPRouteGroup and TCPRoute (UDPRoute rules exist from access.smi-spec.io/v1alpha3): a cluster rejects this TrafficTarget, so it grants nothing\n1 error, 0 warnings in 1 document\n"
        ),
        Case(
            "reference-invalid-group",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: routes\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n---\napiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: routes\n  namespace: shop\nspec:\n  matches:\n  - name: read\n    methods: [FETCH]\n",
            "<stdin>:13:11: error[SMI2111]: TrafficTarget shop/api: spec.rules[0].name: HTTPRouteGroup shop/routes is invalid (a method outside the CRD's enum); this rule grants nothing\n<stdin>:27:15: error[SMI2203]: HTTPRouteGroup shop/routes: spec.matches[0].methods[0]: 'FETCH' is not an HTTP method of the CRD (or '*'); the HTTPRouteGroup is invalid and grants nothing\n2 errors, 0 warnings in 2 documents\n"
        )
    ]

    /// Findings a reviewer expects that are warnings: with `--strict` they fail validation.
    static let warnings: [Case] = [
        Case(
            "lint-duplicate-source",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: TCPRoute\n    name: api\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n---\napiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  matches:\n    ports: [8080]\n",
            "<stdin>:18:5: warning[SMI2110]: TrafficTarget shop/api: spec.sources[1]: this source is also source 0; listing it twice changes nothing\n0 errors, 1 warning in 2 documents (--strict: warnings fail)\n"
        ),
        Case(
            "lint-empty-group",
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  destination:\n    kind: ServiceAccount\n    name: api\n    namespace: shop\n  rules:\n  - kind: HTTPRouteGroup\n    name: nothing\n  sources:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n---\napiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata:\n  name: nothing\n  namespace: shop\nspec:\n  matches: []\n",
            "<stdin>:13:11: warning[SMI2210]: TrafficTarget shop/api: spec.rules[0].name: HTTPRouteGroup shop/nothing has no matches; this rule grants nothing\n<stdin>:25:12: warning[SMI2210]: HTTPRouteGroup shop/nothing: spec.matches: an HTTPRouteGroup without matches grants and routes nothing\n0 errors, 2 warnings in 2 documents (--strict: warnings fail)\n"
        ),
        Case(
            "lint-octal-port",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  matches:\n    ports: [05432, 0100]\n",
            "<stdin>:8:13: warning[SMI2211]: TCPRoute shop/db: spec.matches.ports[0]: the leading zero makes this integer octal: Kubernetes reads 2842; drop the zero if a decimal number is meant\n<stdin>:8:20: warning[SMI2211]: TCPRoute shop/db: spec.matches.ports[1]: the leading zero makes this integer octal: Kubernetes reads 64; drop the zero if a decimal number is meant\n0 errors, 2 warnings in 1 document (--strict: warnings fail)\n"
        ),
        Case(
            "lint-nothing-used",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: canary\n",
            "<stdin>: warning[SMI1203]: no SMI objects and no workloads in the input (kinds swift-smi does not use are passed over)\n0 errors, 1 warning in 1 document (--strict: warnings fail)\n"
        ),
        Case(
            "lint-nothing-used-in-a-list",
            "apiVersion: v1\nkind: List\nitems: []\n",
            "<stdin>: warning[SMI1203]: no SMI objects and no workloads in the input (kinds swift-smi does not use are passed over)\n0 errors, 1 warning in 1 document (--strict: warnings fail)\n"
        )
    ]

    @Test(arguments: cases)
    func reportsExactly(c: Case) {
        let run = ToolRun(["validate", "-"], stdin: c.yaml)
        #expect(run.status == 1)
        #expect(run.err == c.expected)
        #expect(run.out.isEmpty)
        // `smi render -` reports the same findings (beside the mesh's own) and fails too.
        let rendered = ToolRun(["render", "--mesh", "istio", "-"], stdin: c.yaml)
        #expect(rendered.status == 1)
        let renderedLines = Set(rendered.err.split(separator: "\n"))
        for line in c.expected.split(separator: "\n").dropLast() {
            #expect(renderedLines.contains(line), "\(line)")
        }
    }

    @Test(arguments: warnings)
    func warnsExactlyAndFailsWhenStrict(c: Case) {
        let strict = ToolRun(["validate", "--strict", "-"], stdin: c.yaml)
        #expect(strict.status == 1)
        #expect(strict.err == c.expected)
        let lenient = ToolRun(["validate", "-"], stdin: c.yaml)
        #expect(lenient.status == 0)
        #expect(lenient.err == c.expected.replacingOccurrences(of: " (--strict: warnings fail)", with: ""))
    }

    @Test func coversEveryKindOfBreakage() {
        #expect(Self.cases.count >= 60)
        for prefix in ["syntax-", "type-", "unknown-", "pair-", "missing-", "reference-", "value-"] {
            #expect(Self.cases.filter { $0.name.hasPrefix(prefix) }.count >= 5, "\(prefix)")
        }
        #expect(Self.cases.filter { $0.name.hasPrefix("list-") }.count >= 3)
        #expect(Set((Self.cases + Self.warnings).map(\.name)).count == Self.cases.count + Self.warnings.count)
    }
}
