//! The `CodegenBackend` rustc loads, delegating crate codegen to rustc_codegen_ssa.

use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;

use rustc_ast::expand::allocator::AllocatorMethod;
use rustc_codegen_ssa::back::lto::ThinModule;
use rustc_codegen_ssa::back::write::{
    CodegenContext, FatLtoInput, ModuleConfig, SharedEmitter, TargetMachineFactoryFn, ThinLtoInput,
};
use rustc_codegen_ssa::traits::{
    CodegenBackend, ExtraBackendMethods, ModuleBufferMethods, WriteBackendMethods,
};
use rustc_codegen_ssa::{CompiledModule, CompiledModules, CrateInfo, ModuleCodegen, TargetConfig};
use rustc_data_structures::fx::FxIndexMap;
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::DiagCtxtHandle;
use rustc_middle::dep_graph::{WorkProduct, WorkProductId};
use rustc_middle::ty::TyCtxt;
use rustc_session::Session;
use rustc_session::config::{self, Lto, OutputFilenames};
use rustc_span::Symbol;

use crate::base::ClifModule;
use crate::errors;

#[derive(Clone)]
pub struct CraneliftCodegenBackend;

impl Default for CraneliftCodegenBackend {
    fn default() -> Self {
        Self::new()
    }
}

impl CraneliftCodegenBackend {
    pub fn new() -> Self {
        CraneliftCodegenBackend
    }
}

/// Target features every CPU of the target has; what rustc reports in `cfg(target_feature)`
/// when no `-Ctarget-feature`/`-Ctarget-cpu` adds more.
fn baseline_features(sess: &Session) -> &'static [&'static str] {
    match sess.target.arch {
        rustc_target::spec::Arch::X86_64 => &["fxsr", "sse", "sse2", "x87"],
        rustc_target::spec::Arch::AArch64 => &["neon", "fp-armv8"],
        _ => &[],
    }
}

impl CodegenBackend for CraneliftCodegenBackend {
    fn name(&self) -> &'static str {
        "cranelift"
    }

    fn init(&self, sess: &Session) {
        use rustc_session::config::InstrumentCoverage;
        crate::write::TIME_PASSES
            .store(sess.opts.unstable_opts.time_llvm_passes, std::sync::atomic::Ordering::Relaxed);
        if sess.opts.cg.instrument_coverage() != InstrumentCoverage::No {
            errors::unsupported_option(sess.dcx(), "`-Cinstrument-coverage`");
        }
        match sess.lto() {
            Lto::No | Lto::ThinLocal => {}
            Lto::Thin | Lto::Fat => errors::unsupported_option(sess.dcx(), "LTO (`-Clto`)"),
        }
        // Only when asked for: a target's default (macOS: `packed`, through dsymutil,
        // which reads the objects' DWARF) works as it is.
        if sess.opts.cg.split_debuginfo.is_some()
            && sess.split_debuginfo() != rustc_target::spec::SplitDebuginfo::Off
            && sess.opts.debuginfo != rustc_session::config::DebugInfo::None
        {
            // The DWARF stays in the objects and the linked output, which debuggers read.
            errors::partly_supported_option(
                sess.dcx(),
                &format!("`-Csplit-debuginfo={}`", sess.split_debuginfo()),
                "debug info stays in the output file",
            );
        }
        if !sess.opts.unstable_opts.sanitizer.is_empty() {
            errors::unsupported_option(sess.dcx(), "`-Zsanitizer`");
        }
        if sess.opts.unstable_opts.sanitizer_cfi_canonical_jump_tables.is_some()
            && sess.is_sanitizer_cfi_enabled()
        {
            errors::unsupported_option(sess.dcx(), "control-flow integrity");
        }
        let arch_ok = matches!(
            sess.target.arch,
            rustc_target::spec::Arch::X86_64 | rustc_target::spec::Arch::AArch64
        );
        if !arch_ok {
            sess.dcx().fatal(format!(
                "the Cranelift backend does not support target `{}`",
                sess.target.llvm_target
            ));
        }
    }

    fn target_config(&self, sess: &Session) -> TargetConfig {
        // The CPU's features as LLVM has them (the target's default CPU when none is
        // given); the target spec's own features are added below.
        let mut base = baseline_features(sess).to_vec();
        let arch = sess.target.arch.desc();
        let cpu = sess.opts.cg.target_cpu.as_deref().unwrap_or(&sess.target.cpu);
        match rustc_codegen_ssa_ext::target_cpu::cpu_features(arch, cpu) {
            Some(features) => base = features,
            None if sess.opts.cg.target_cpu.is_some() => {
                sess.dcx().warn(format!(
                    "the Cranelift backend does not know the features of target CPU `{cpu}`; \
                     only the target's baseline features are enabled (use `-Ctarget-feature`)"
                ));
            }
            None => {}
        }
        let (unstable, stable) = rustc_codegen_ssa::target_features::cfg_target_feature::<1>(
            sess,
            |f| smallvec::smallvec![f],
            |f| {
                base.contains(&f)
                    || sess.target.features.split(',').any(|t| t.strip_prefix('+') == Some(f))
            },
        );
        let (f16, f16_math, f128, f128_math) =
            rustc_codegen_ssa_ext::reliable_floats::reliable_floats(sess);
        TargetConfig {
            target_features: stable,
            unstable_target_features: unstable,
            has_reliable_f16: f16,
            has_reliable_f16_math: f16_math,
            has_reliable_f128: f128,
            has_reliable_f128_math: f128_math,
        }
    }

    fn thin_lto_supported(&self) -> bool {
        false
    }

    fn target_cpu(&self, sess: &Session) -> String {
        sess.opts.cg.target_cpu.clone().unwrap_or_else(|| sess.target.cpu.to_string())
    }

    fn codegen_crate(&self, tcx: TyCtxt<'_>) -> Box<dyn Any> {
        Box::new(rustc_codegen_ssa::base::codegen_crate(self.clone(), tcx))
    }

    fn join_codegen(
        &self,
        ongoing_codegen: Box<dyn Any>,
        sess: &Session,
        _outputs: &OutputFilenames,
        crate_info: &CrateInfo,
    ) -> (CompiledModules, FxIndexMap<WorkProductId, WorkProduct>) {
        ongoing_codegen
            .downcast::<rustc_codegen_ssa::back::write::OngoingCodegen<CraneliftCodegenBackend>>()
            .expect("expected the Cranelift backend's OngoingCodegen")
            .join(sess, crate_info)
    }
}

impl ExtraBackendMethods for CraneliftCodegenBackend {
    fn codegen_allocator<'tcx>(
        &self,
        tcx: TyCtxt<'tcx>,
        module_name: &str,
        methods: &[AllocatorMethod],
    ) -> ClifModule {
        crate::allocator::codegen_allocator(tcx, module_name, methods)
    }

    fn compile_codegen_unit(
        &self,
        tcx: TyCtxt<'_>,
        cgu_name: Symbol,
    ) -> (ModuleCodegen<ClifModule>, u64) {
        crate::base::compile_codegen_unit(tcx, cgu_name)
    }
}

pub struct ModuleBuffer(Vec<u8>);

impl ModuleBufferMethods for ModuleBuffer {
    fn data(&self) -> &[u8] {
        &self.0
    }
}

impl WriteBackendMethods for CraneliftCodegenBackend {
    type Module = ClifModule;
    type TargetMachine = ();
    type ModuleBuffer = ModuleBuffer;
    type ThinData = ();

    fn target_machine_factory(
        &self,
        _sess: &Session,
        _opt_level: config::OptLevel,
        _target_features: &[String],
    ) -> TargetMachineFactoryFn<Self> {
        Arc::new(|_, _| ())
    }

    fn optimize_and_codegen_fat_lto(
        _sess: &Session,
        _cgcx: &CodegenContext,
        _shared_emitter: &SharedEmitter,
        _tm_factory: TargetMachineFactoryFn<Self>,
        _exported_symbols_for_lto: &[String],
        _each_linked_rlib_for_lto: &[PathBuf],
        _modules: Vec<FatLtoInput<Self>>,
    ) -> CompiledModule {
        unreachable!("LTO is rejected in `init`")
    }

    fn run_thin_lto(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        _dcx: DiagCtxtHandle<'_>,
        _exported_symbols_for_lto: &[String],
        _each_linked_rlib_for_lto: &[PathBuf],
        _modules: Vec<ThinLtoInput<Self>>,
    ) -> (Vec<ThinModule<Self>>, Vec<WorkProduct>) {
        unreachable!("LTO is rejected in `init`")
    }

    fn optimize(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        _shared_emitter: &SharedEmitter,
        _module: &mut ModuleCodegen<ClifModule>,
        _config: &ModuleConfig,
    ) {
        // Cranelift optimizes while compiling, in `codegen`.
    }

    fn optimize_and_codegen_thin(
        _cgcx: &CodegenContext,
        _prof: &SelfProfilerRef,
        _shared_emitter: &SharedEmitter,
        _tm_factory: TargetMachineFactoryFn<Self>,
        _thin: ThinModule<Self>,
    ) -> CompiledModule {
        unreachable!("LTO is rejected in `init`")
    }

    fn codegen(
        cgcx: &CodegenContext,
        prof: &SelfProfilerRef,
        shared_emitter: &SharedEmitter,
        module: ModuleCodegen<ClifModule>,
        config: &ModuleConfig,
    ) -> CompiledModule {
        crate::write::codegen(cgcx, prof, shared_emitter, module, config)
    }

    fn serialize_module(_module: ClifModule, _is_thin: bool) -> ModuleBuffer {
        unreachable!("LTO is rejected in `init`")
    }
}
