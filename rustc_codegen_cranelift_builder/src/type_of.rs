//! Backend types of Rust layouts, following cg_llvm's `type_of.rs` rules so that cg_ssa's
//! type assertions hold.

use rustc_abi::{BackendRepr, Primitive, Reg, RegKind, Scalar};
use rustc_codegen_ssa::traits::{
    BaseTypeCodegenMethods, DerivedTypeCodegenMethods, LayoutTypeCodegenMethods,
};
use rustc_middle::bug;
use rustc_middle::ty::Ty;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_target::callconv::{CastTarget, FnAbi};

use crate::abi::FnSig;
use crate::context::CodegenCx;
use crate::types::Type;

impl<'tcx> CodegenCx<'tcx> {
    fn scalar_type(&self, s: Scalar, immediate: bool) -> Type {
        if immediate && s.is_bool() {
            return Type::I1;
        }
        match s.primitive() {
            Primitive::Pointer(_) => Type::PTR,
            p => self.type_from_primitive(p),
        }
    }
}

impl<'tcx> LayoutTypeCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn backend_type(&self, layout: TyAndLayout<'tcx>) -> Type {
        match layout.backend_repr {
            BackendRepr::Scalar(s) => self.scalar_type(s, false),
            BackendRepr::ScalarPair(a, b) => {
                self.type_struct(&[self.scalar_type(a, false), self.scalar_type(b, false)], false)
            }
            BackendRepr::SimdVector { element, count } => {
                self.type_vector(self.scalar_type(element, false), count)
            }
            BackendRepr::SimdScalableVector { .. } => {
                let what = format!("scalable vectors (SVE types such as `{}`)", layout.ty);
                crate::errors::unsupported_here(self.tcx, &what);
                self.tcx.dcx().abort_if_errors();
                unreachable!("aborted on the error above")
            }
            _ => self.type_opaque(layout.size.bytes(), layout.align.abi.bytes()),
        }
    }

    fn cast_backend_type(&self, ty: &CastTarget) -> Type {
        let unit = self.reg_backend_type(&ty.rest.unit);
        let rest_count = if ty.rest.total.bytes() == 0 {
            0
        } else {
            ty.rest.total.bytes().div_ceil(ty.rest.unit.size.bytes())
        };
        if ty.prefix.iter().all(|p| p.is_none()) {
            if rest_count == 1 && (!ty.rest.is_consecutive || ty.rest.unit != Reg::i128()) {
                return unit;
            }
            return self.type_array(unit, rest_count);
        }
        let mut fields: Vec<Type> =
            ty.prefix.iter().flatten().map(|r| self.reg_backend_type(r)).collect();
        fields.extend((0..rest_count).map(|_| unit));
        self.type_struct(&fields, false)
    }

    fn fn_decl_backend_type(&self, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> FnSig {
        self.sig_from_fn_abi(fn_abi)
    }

    fn fn_ptr_backend_type(&self, _fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> Type {
        Type::PTR
    }

    fn reg_backend_type(&self, ty: &Reg) -> Type {
        match ty.kind {
            RegKind::Integer => self.type_int_bits(ty.size.bits() as u32),
            RegKind::Float => match ty.size.bits() {
                16 => Type::F16,
                32 => Type::F32,
                64 => Type::F64,
                128 => Type::F128,
                b => bug!("float register of {b} bits"),
            },
            RegKind::Vector { .. } => self.type_vector(Type::I8, ty.size.bytes()),
        }
    }

    fn immediate_backend_type(&self, layout: TyAndLayout<'tcx>) -> Type {
        match layout.backend_repr {
            BackendRepr::Scalar(s) => self.scalar_type(s, true),
            BackendRepr::ScalarPair(a, b) => {
                self.type_struct(&[self.scalar_type(a, true), self.scalar_type(b, true)], false)
            }
            _ => self.backend_type(layout),
        }
    }

    fn is_backend_immediate(&self, layout: TyAndLayout<'tcx>) -> bool {
        matches!(layout.backend_repr, BackendRepr::Scalar(_) | BackendRepr::SimdVector { .. })
    }

    fn is_backend_scalar_pair(&self, layout: TyAndLayout<'tcx>) -> bool {
        matches!(layout.backend_repr, BackendRepr::ScalarPair(..))
    }

    fn scalar_pair_element_backend_type(
        &self,
        layout: TyAndLayout<'tcx>,
        index: usize,
        immediate: bool,
    ) -> Type {
        let BackendRepr::ScalarPair(a, b) = layout.backend_repr else {
            bug!("scalar_pair_element_backend_type({layout:?}): not a scalar pair")
        };
        self.scalar_type(if index == 0 { a } else { b }, immediate)
    }
}
