// swift-tools-version:6.0
import PackageDescription

/// Settings every target shares: Swift 6 language mode is the package default; these add
/// the upcoming features the style guide asks for.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault")
]

let package = Package(
    name: "swift-smi",
    products: [
        .library(name: "SMICore", targets: ["SMICore"]),
        .library(name: "IstioAdapter", targets: ["IstioAdapter"]),
        .library(name: "LinkerdAdapter", targets: ["LinkerdAdapter"]),
        .library(name: "ConsulAdapter", targets: ["ConsulAdapter"]),
        .library(name: "GatewayAPIAdapter", targets: ["GatewayAPIAdapter"]),
        .library(name: "ConsulSimulation", targets: ["ConsulSimulation"]),
        .library(name: "IstioSimulation", targets: ["IstioSimulation"]),
        .library(name: "LinkerdSimulation", targets: ["LinkerdSimulation"]),
        .executable(name: "smi", targets: ["smi"])
    ],
    targets: [
        .target(
            name: "SMICore",
            swiftSettings: strictness,
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(name: "IstioAdapter", dependencies: ["SMICore"], swiftSettings: strictness),
        .target(name: "LinkerdAdapter", dependencies: ["SMICore"], swiftSettings: strictness),
        .target(name: "ConsulAdapter", dependencies: ["SMICore"], swiftSettings: strictness),
        .target(name: "GatewayAPIAdapter", dependencies: ["SMICore"], swiftSettings: strictness),
        // Each mesh's decision procedure over applied YAML, apart from its adapter: the mesh
        // side of the differential tests, and a way for users to check a rendering.
        .target(name: "ConsulSimulation", dependencies: ["SMICore"], swiftSettings: strictness),
        .target(name: "IstioSimulation", dependencies: ["SMICore"], swiftSettings: strictness),
        .target(name: "LinkerdSimulation", dependencies: ["SMICore"], swiftSettings: strictness),
        .target(
            name: "SMICommandLine",
            dependencies: ["SMICore", "IstioAdapter", "LinkerdAdapter", "ConsulAdapter", "GatewayAPIAdapter"],
            swiftSettings: strictness),
        .executableTarget(name: "smi", dependencies: ["SMICommandLine"], swiftSettings: strictness),
        // The fuzz targets (Fuzz/run.sh builds them with libFuzzer; the tests replay what they found).
        .target(
            name: "SMIFuzzTargets", dependencies: ["SMICore", "IstioAdapter", "LinkerdAdapter", "ConsulAdapter"],
            swiftSettings: strictness),
        .executableTarget(name: "smi-fuzz", dependencies: ["SMIFuzzTargets"], swiftSettings: strictness),
        // Helpers every test target shares: seeded generators, marked inputs, paths to the
        // shared reference material. Not a product.
        .target(name: "SMITestSupport", dependencies: ["SMICore"], swiftSettings: strictness),
        .testTarget(
            name: "SMICoreTests", dependencies: ["SMICore", "SMITestSupport"], exclude: ["Regex/re2_oracle.py"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "IstioAdapterTests", dependencies: ["IstioAdapter", "IstioSimulation", "SMICore", "SMITestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "LinkerdAdapterTests",
            dependencies: ["LinkerdAdapter", "LinkerdSimulation", "SMICore", "SMITestSupport"],
            exclude: ["Golden", "rust_regex_oracle.py"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ConsulAdapterTests",
            dependencies: ["ConsulAdapter", "ConsulSimulation", "SMICore", "SMITestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GatewayAPIAdapterTests", dependencies: ["GatewayAPIAdapter", "SMICore", "SMITestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "SMIFuzzTargetsTests", dependencies: ["SMIFuzzTargets", "SMITestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "SMICommandLineTests",
            dependencies: [
                "smi", "SMICommandLine", "SMICore", "IstioAdapter", "LinkerdAdapter", "ConsulAdapter",
                "GatewayAPIAdapter", "IstioSimulation", "SMITestSupport"
            ],
            swiftSettings: strictness
        )
    ],
    swiftLanguageModes: [.v6]
)
