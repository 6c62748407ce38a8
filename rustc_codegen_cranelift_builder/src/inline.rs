//! Inlining within a CGU for optimized builds, with Cranelift's inliner.
//!
//! rustc's MIR inliner does not run in incremental builds, and cargo builds workspace
//! members incrementally even under `opt-level = 3` (a common `[profile.test]`): without
//! this, every `Vec::push` and `PartialOrd::lt` stays a call and such tests run an order
//! of magnitude slower than LLVM's. Only small callees are inlined, so compile time stays
//! close to that of the uninlined code.

use std::borrow::Cow;

use cranelift_codegen::inline::{Inline, InlineCommand};
use cranelift_codegen::ir::{self, ArgumentPurpose};
use cranelift_module::FuncId;
use rustc_data_structures::fx::{FxHashMap, FxHashSet};

/// Callees up to this many CLIF instructions are inlined...
const SMALL: usize = 40;
/// ...and `#[inline(always)]` ones up to this many.
const ALWAYS: usize = 400;
/// Instructions a caller may grow by through inlining.
const BUDGET: usize = 800;

/// The functions of a CGU that may be inlined into others, with their sizes.
pub struct Candidates {
    bodies: FxHashMap<FuncId, Candidate>,
}

struct Candidate {
    body: ir::Function,
    size: usize,
    /// Calls nothing, so it cannot unwind: it may replace a `try_call` too.
    leaf: bool,
    /// Some global value names a symbol by `UserExternalNameRef`.
    user_symbols: bool,
}

impl Candidates {
    pub fn new(
        functions: &[(FuncId, ir::Function)],
        inline_attrs: &FxHashMap<FuncId, bool>,
        unoptimized: &FxHashSet<FuncId>,
        target_features: &FxHashMap<FuncId, Vec<String>>,
    ) -> Self {
        let mut bodies = FxHashMap::default();
        for (id, func) in functions {
            let always = match inline_attrs.get(id) {
                Some(false) => continue,
                Some(true) => true,
                None => false,
            };
            // Volatile accesses must not meet the optimizer, and code using target
            // features must stay in functions compiled with them.
            if unoptimized.contains(id) || target_features.contains_key(id) {
                continue;
            }
            // A by-value stack argument is the callee's own copy: inlined, the callee would
            // write to the caller's.
            if func
                .signature
                .params
                .iter()
                .any(|p| matches!(p.purpose, ArgumentPurpose::StructArgument(_)))
            {
                continue;
            }
            let limit = if always { ALWAYS } else { SMALL };
            let mut size = 0;
            let mut handlers = false;
            let mut leaf = true;
            'blocks: for block in func.layout.blocks() {
                for inst in func.layout.block_insts(block) {
                    size += 1;
                    handlers |= func.dfg.insts[inst].exception_table().is_some();
                    leaf &= !func.dfg.insts[inst].opcode().is_call();
                    if size > limit || handlers {
                        break 'blocks;
                    }
                }
            }
            // Callees with landing pads keep their own frames (and LSDA).
            if size <= limit && !handlers {
                bodies.insert(
                    *id,
                    Candidate {
                        body: func.clone(),
                        size,
                        leaf,
                        user_symbols: has_user_symbols(func),
                    },
                );
            }
        }
        Candidates { bodies }
    }

    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
    }

    pub fn inliner(&self, caller: FuncId) -> Inliner<'_> {
        Inliner { candidates: self, caller, budget: BUDGET, inlined: Vec::new() }
    }
}

pub struct Inliner<'a> {
    candidates: &'a Candidates,
    caller: FuncId,
    budget: usize,
    /// Each call inlined, in order: the caller's instruction count before it (its copies
    /// of the callee's instructions follow), the call (now a jump) and the callee.
    pub inlined: Vec<(u32, ir::Inst, FuncId)>,
}

impl Inline for Inliner<'_> {
    fn inline(
        &mut self,
        caller: &ir::Function,
        call_inst: ir::Inst,
        call_opcode: ir::Opcode,
        callee: ir::FuncRef,
        _call_args: &[ir::Value],
    ) -> InlineCommand<'_> {
        // Only direct calls, and calls with an unwind edge only of callees that cannot
        // unwind (most calls of debug-style code have cleanups to run on unwinding).
        if call_opcode != ir::Opcode::Call && call_opcode != ir::Opcode::TryCall {
            return InlineCommand::KeepCall;
        }
        let ext = &caller.dfg.ext_funcs[callee];
        let ir::ExternalName::User(name) = &ext.name else { return InlineCommand::KeepCall };
        let name = &caller.params.user_named_funcs()[*name];
        // cranelift-module names functions in namespace 0 by their `FuncId`.
        if name.namespace != 0 {
            return InlineCommand::KeepCall;
        }
        let id = FuncId::from_u32(name.index);
        if id == self.caller {
            return InlineCommand::KeepCall;
        }
        let Some(Candidate { body, size, leaf, user_symbols }) = self.candidates.bodies.get(&id)
        else {
            return InlineCommand::KeepCall;
        };
        if *size > self.budget
            || (call_opcode == ir::Opcode::TryCall && !leaf)
            || caller.dfg.signatures[ext.signature] != body.signature
        {
            return InlineCommand::KeepCall;
        }
        self.budget -= size;
        self.inlined.push((caller.dfg.num_insts() as u32, call_inst, id));
        let callee = if *user_symbols {
            Cow::Owned(with_caller_symbol_refs(caller, body))
        } else {
            Cow::Borrowed(body)
        };
        InlineCommand::Inline { callee, visit_callee: true }
    }
}

impl Inliner<'_> {
    /// Gives the instructions copied from callees the callees' source locations, through
    /// `remap(callee, location in the callee, location of the call)`: Cranelift 0.137's
    /// inliner leaves them unset, so the copies would take the line of the code before
    /// them. The copies are matched with the callee's instructions in the order the inliner
    /// makes them (the callee's blocks in depth-first preorder); a return became a jump, so
    /// did a call inlined after it, and the inliner may add jumps of its own. Where the
    /// match fails, nothing is set.
    pub fn set_inlined_srclocs(
        &self,
        func: &mut ir::Function,
        mut remap: impl FnMut(FuncId, ir::SourceLoc, ir::SourceLoc) -> ir::SourceLoc,
    ) {
        use ir::Opcode;
        let ends = self.inlined.iter().skip(1).map(|r| r.0).chain([func.dfg.num_insts() as u32]);
        for (&(start, call, callee), end) in self.inlined.iter().zip(ends) {
            let body = &self.candidates.bodies[&callee].body;
            let mut dfs = cranelift_codegen::traversals::Dfs::new();
            let mut originals = Vec::new();
            for block in dfs.pre_order_iter(body) {
                originals.extend(body.layout.block_insts(block));
            }
            let mut pairs = Vec::with_capacity(originals.len());
            let mut next = originals.iter().peekable();
            for i in start..end {
                let copy = ir::Inst::from_u32(i);
                if func.layout.inst_block(copy).is_none() {
                    continue;
                }
                let op = func.dfg.insts[copy].opcode();
                let expected = next.peek().map(|&&o| match body.dfg.insts[o].opcode() {
                    Opcode::Return => Opcode::Jump,
                    Opcode::ReturnCall => Opcode::Call,
                    Opcode::ReturnCallIndirect => Opcode::CallIndirect,
                    op => op,
                });
                // A copied call that a later step inlined is a jump now.
                let inlined_later =
                    op == Opcode::Jump && matches!(expected, Some(Opcode::Call | Opcode::TryCall));
                if expected == Some(op) || inlined_later {
                    pairs.push((copy, body.srcloc(*next.next().unwrap())));
                } else if op != Opcode::Jump {
                    pairs.clear();
                    break;
                }
            }
            if next.peek().is_some() {
                tracing::debug!(
                    "inlined instructions of {callee:?} not matched: no source locations"
                );
                continue;
            }
            let call_loc = func.srcloc(call);
            for (copy, loc) in pairs {
                if !loc.is_default() {
                    func.set_srcloc(copy, remap(callee, loc, call_loc));
                }
            }
        }
    }
}

fn has_user_symbols(func: &ir::Function) -> bool {
    func.global_values
        .values()
        .any(|gv| matches!(gv, ir::GlobalValueData::Symbol { name: ir::ExternalName::User(_), .. }))
}

/// A copy of `callee` whose symbol global values name their symbols by the references the
/// caller will have for them once inlined. Cranelift 0.137's inliner translates the user
/// names of called functions into the caller but copies symbol global values verbatim,
/// so their references would name whatever the caller has at that index. It imports the
/// callee's names in order, reusing the caller's reference for a name it already has;
/// this does the same ahead of time. The copy is only good as the inliner's input.
fn with_caller_symbol_refs(caller: &ir::Function, callee: &ir::Function) -> ir::Function {
    let caller_names = caller.params.user_named_funcs();
    let mut added: Vec<&ir::UserExternalName> = Vec::new();
    let mut map = Vec::with_capacity(callee.params.user_named_funcs().len());
    for (_, name) in callee.params.user_named_funcs().iter() {
        let existing = caller_names.iter().find(|(_, n)| *n == name).map(|(r, _)| r.as_u32());
        let r = existing.unwrap_or_else(|| {
            let r = match added.iter().position(|n| *n == name) {
                Some(i) => i,
                None => {
                    added.push(name);
                    added.len() - 1
                }
            };
            (caller_names.len() + r) as u32
        });
        map.push(ir::UserExternalNameRef::from_u32(r));
    }
    let mut copy = callee.clone();
    for gv in copy.global_values.values_mut() {
        if let ir::GlobalValueData::Symbol { name: ir::ExternalName::User(r), .. } = gv {
            *r = map[r.as_u32() as usize];
        }
    }
    copy
}
