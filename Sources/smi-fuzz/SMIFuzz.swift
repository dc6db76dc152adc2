import Foundation
import SMIFuzzTargets

/// `smi-fuzz`: built with libFuzzer (`Fuzz/run.sh`, which defines FUZZING), it fuzzes the
/// target named by SMI_FUZZ_TARGET; built plainly, `smi-fuzz TARGET FILE...` replays inputs
/// (a reproducer, a corpus) and exits 1 when one breaks a property.
@main
enum SMIFuzz {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: smi-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...")
                exit(2)
            }
            var failed = false
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                if let failure = target.run([UInt8](data)) {
                    print("\(path): \(failure)")
                    failed = true
                }
            }
            exit(failed ? 1 : 0)
        #endif
    }

}

#if FUZZING
    /// Runs one input on the target SMI_FUZZ_TARGET names; a broken property is reported and the
    /// process stopped, so that libFuzzer keeps the input.
    func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let target = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["SMI_FUZZ_TARGET"] ?? "") ?? .yaml
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        if let failure = target.run(bytes) {
            FileHandle.standardError.write(Data("smi-fuzz \(target.rawValue): \(failure)\n".utf8))
            abort()
        }
        return 0
    }

    /// libFuzzer's driver, for programs that have their own `main`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif
