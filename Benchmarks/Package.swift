// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so that the product keeps zero dependencies;
// Yams (libyaml) is here only as the baseline measured in the same run.
let package = Package(
    name: "swift-smi-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swift-smi", path: ".."),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0")
    ],
    targets: [
        .executableTarget(
            name: "smi-bench",
            dependencies: [
                .product(name: "SMICore", package: "swift-smi"),
                .product(name: "IstioAdapter", package: "swift-smi"),
                .product(name: "LinkerdAdapter", package: "swift-smi"),
                .product(name: "ConsulAdapter", package: "swift-smi"),
                .product(name: "Yams", package: "Yams")
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
