//! `.eh_frame` for one compilation unit on top of `gimli::write`, with symbol addresses
//! turned into relocations the backend maps onto its own object writer.

// gimli spells the DW_EH_PE_* constants as in the DWARF spec; they appear in patterns.
#![allow(non_upper_case_globals)]

use gimli::constants::{
    DW_EH_PE_absptr, DW_EH_PE_indirect, DW_EH_PE_omit, DW_EH_PE_pcrel, DW_EH_PE_sdata2,
    DW_EH_PE_sdata4, DW_EH_PE_sdata8, DW_EH_PE_udata2, DW_EH_PE_udata4, DW_EH_PE_udata8,
};
use gimli::write::{
    Address, CieId, CommonInformationEntry, EhFrame, EndianVec, Error, FrameDescriptionEntry,
    FrameTable, Result, Writer,
};
use gimli::{DwEhPe, RunTimeEndian};

/// FDE addresses: PC-relative 32-bit, so `.eh_frame` needs no dynamic relocations in PIC
/// output (the ISA's CIE leaves this at `absptr`).
pub const FDE_ENCODING: DwEhPe = DwEhPe(DW_EH_PE_pcrel.0 | DW_EH_PE_sdata4.0);
/// LSDA pointers: PC-relative 32-bit to the function's `.gcc_except_table` data.
pub const LSDA_ENCODING: DwEhPe = DwEhPe(DW_EH_PE_pcrel.0 | DW_EH_PE_sdata4.0);
/// Personality pointer through a data word (`DW.ref.rust_eh_personality`) holding its
/// address: the indirection keeps `rust_eh_personality`, which may live in another DSO,
/// out of `.eh_frame`. This is what x86_64 uses.
pub const PERSONALITY_ENCODING_SDATA4: DwEhPe =
    DwEhPe(DW_EH_PE_indirect.0 | DW_EH_PE_pcrel.0 | DW_EH_PE_sdata4.0);
/// Like [`PERSONALITY_ENCODING_SDATA4`] with a 64-bit offset, for targets that prefer it.
pub const PERSONALITY_ENCODING_SDATA8: DwEhPe =
    DwEhPe(DW_EH_PE_indirect.0 | DW_EH_PE_pcrel.0 | DW_EH_PE_sdata8.0);

/// The ISA's CIE with PC-relative FDE addresses, for functions without landing pads.
pub fn plain_cie(base: &CommonInformationEntry) -> CommonInformationEntry {
    let mut cie = base.clone();
    cie.personality = None;
    cie.lsda_encoding = None;
    cie.fde_address_encoding = FDE_ENCODING;
    cie
}

/// The ISA's CIE with augmentation "zLPR" (gimli's order of "zPLR"): the personality
/// reached through the data word `personality_ref_symbol`, and an LSDA pointer in every FDE.
pub fn personality_cie(
    base: &CommonInformationEntry,
    personality_ref_symbol: usize,
    personality_encoding: DwEhPe,
) -> CommonInformationEntry {
    let mut cie = plain_cie(base);
    cie.personality =
        Some((personality_encoding, Address::Symbol { symbol: personality_ref_symbol, addend: 0 }));
    cie.lsda_encoding = Some(LSDA_ENCODING);
    cie
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EhRelocKind {
    /// `S + A`.
    Absolute,
    /// `S + A - P`, P being the address of the relocated field.
    PcRelative,
}

/// A relocation against a backend symbol index, as given in `Address::Symbol`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EhReloc {
    /// Offset of the field within the section.
    pub offset: u32,
    /// Field size in bytes (the field is signed for PC-relative relocations).
    pub size: u8,
    pub kind: EhRelocKind,
    pub symbol: usize,
    pub addend: i64,
}

/// A `Writer` for `.eh_frame` that records symbol addresses as [`EhReloc`]s (leaving zeros in
/// the data) instead of failing like gimli's default methods.
///
/// `DW_EH_PE_indirect` needs nothing special: the relocation targets the symbol given, and
/// the encoding tells the unwinder to load the real pointer from there, so the caller names
/// the indirection word (e.g. `DW.ref.rust_eh_personality`) as the symbol.
#[derive(Debug, Clone)]
pub struct EhFrameWriter {
    data: EndianVec<RunTimeEndian>,
    relocs: Vec<EhReloc>,
}

impl EhFrameWriter {
    pub fn new(endian: RunTimeEndian) -> Self {
        EhFrameWriter { data: EndianVec::new(endian), relocs: Vec::new() }
    }

    pub fn data(&self) -> &[u8] {
        self.data.slice()
    }

    pub fn relocs(&self) -> &[EhReloc] {
        &self.relocs
    }

    pub fn into_parts(self) -> (Vec<u8>, Vec<EhReloc>) {
        (self.data.into_vec(), self.relocs)
    }

    fn write_reloc(
        &mut self,
        kind: EhRelocKind,
        symbol: usize,
        addend: i64,
        size: u8,
    ) -> Result<()> {
        let offset = u32::try_from(self.len()).map_err(|_| Error::ValueTooLarge)?;
        self.relocs.push(EhReloc { offset, size, kind, symbol, addend });
        self.data.write_udata(0, size)
    }
}

impl Writer for EhFrameWriter {
    type Endian = RunTimeEndian;

    fn endian(&self) -> RunTimeEndian {
        self.data.endian()
    }

    fn len(&self) -> usize {
        self.data.len()
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.data.write(bytes)
    }

    fn write_at(&mut self, offset: usize, bytes: &[u8]) -> Result<()> {
        self.data.write_at(offset, bytes)
    }

    fn write_address(&mut self, address: Address, size: u8) -> Result<()> {
        match address {
            Address::Constant(value) => self.data.write_udata(value, size),
            Address::Symbol { symbol, addend } => {
                self.write_reloc(EhRelocKind::Absolute, symbol, addend, size)
            }
        }
    }

    fn write_eh_pointer(&mut self, address: Address, eh_pe: DwEhPe, size: u8) -> Result<()> {
        let Address::Symbol { symbol, addend } = address else {
            // The field length is the same as ours, so gimli's pc-relative math still holds.
            return self.data.write_eh_pointer(address, eh_pe, size);
        };
        if eh_pe == DW_EH_PE_omit {
            return Err(Error::UnsupportedPointerEncoding(eh_pe));
        }
        let kind = match eh_pe.application() {
            DW_EH_PE_absptr => EhRelocKind::Absolute,
            DW_EH_PE_pcrel => EhRelocKind::PcRelative,
            // text/data/func-relative bases are not expressible as plain relocations.
            _ => return Err(Error::UnsupportedPointerEncoding(eh_pe)),
        };
        let size = match eh_pe.format() {
            DW_EH_PE_absptr => size,
            DW_EH_PE_udata2 | DW_EH_PE_sdata2 => 2,
            DW_EH_PE_udata4 | DW_EH_PE_sdata4 => 4,
            DW_EH_PE_udata8 | DW_EH_PE_sdata8 => 8,
            // LEB128 has no fixed width to relocate.
            _ => return Err(Error::UnsupportedPointerEncoding(eh_pe)),
        };
        self.write_reloc(kind, symbol, addend, size)
    }
}

/// The `.eh_frame` of one compilation unit: one FDE per function, sharing a plain CIE and,
/// for functions with an LSDA, a personality CIE.
///
/// The personality CIE is only written when some FDE uses it, so a backend can reserve the
/// `DW.ref.rust_eh_personality` symbol index up front and define the symbol only if
/// [`UnitEhFrame::uses_personality`] says so.
#[derive(Debug)]
pub struct UnitEhFrame {
    table: FrameTable,
    plain_cie: CieId,
    personality_cie: CieId,
    uses_personality: bool,
    endian: RunTimeEndian,
}

impl UnitEhFrame {
    /// `base_cie` comes from the ISA (e.g. Cranelift's `create_systemv_cie`).
    pub fn new(
        base_cie: &CommonInformationEntry,
        personality_ref_symbol: usize,
        personality_encoding: DwEhPe,
        endian: RunTimeEndian,
    ) -> Self {
        let mut table = FrameTable::default();
        let plain_cie = table.add_cie(plain_cie(base_cie));
        let personality_cie =
            table.add_cie(personality_cie(base_cie, personality_ref_symbol, personality_encoding));
        UnitEhFrame { table, plain_cie, personality_cie, uses_personality: false, endian }
    }

    /// Adds a function's FDE (its address is normally `Address::Symbol` for the function).
    /// With `lsda` (normally `Address::Symbol` for its `.gcc_except_table` data) the FDE
    /// uses the personality CIE; any `lsda` already set on `fde` is replaced.
    pub fn add_function(&mut self, mut fde: FrameDescriptionEntry, lsda: Option<Address>) {
        fde.lsda = lsda;
        let cie = if lsda.is_some() {
            self.uses_personality = true;
            self.personality_cie
        } else {
            self.plain_cie
        };
        self.table.add_fde(cie, fde);
    }

    pub fn is_empty(&self) -> bool {
        self.table.fde_count() == 0
    }

    pub fn uses_personality(&self) -> bool {
        self.uses_personality
    }

    /// Section contents and relocations. No zero terminator is appended: in an object file
    /// the linker concatenates `.eh_frame` sections and the CRT supplies the terminator.
    pub fn finish(self) -> Result<(Vec<u8>, Vec<EhReloc>)> {
        let mut eh_frame = EhFrame(EhFrameWriter::new(self.endian));
        self.table.write_eh_frame(&mut eh_frame)?;
        Ok(eh_frame.0.into_parts())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use gimli::read::{self, BaseAddresses, CieOrFde, Pointer, UnwindSection};
    use gimli::write::CallFrameInstruction;
    use gimli::{Encoding, Format, LittleEndian, X86_64};

    use super::*;

    // Symbol indices as a backend might assign them.
    const FUNC_A: usize = 0;
    const FUNC_B: usize = 1;
    const FUNC_C: usize = 2;
    const DW_REF_PERSONALITY: usize = 3;
    const LSDA_B: usize = 4;
    const LSDA_SECTION: usize = 5;

    const EH_FRAME_ADDR: u64 = 0x20_0000;

    fn symbol_address(symbol: usize) -> u64 {
        [0x1000, 0x1100, 0x1200, 0x30_0000, 0x28_0000, 0x28_1000][symbol]
    }

    /// What `isa.create_systemv_cie()` gives on x86_64.
    fn x86_64_cie() -> CommonInformationEntry {
        let encoding = Encoding { address_size: 8, format: Format::Dwarf32, version: 1 };
        let mut cie = CommonInformationEntry::new(encoding, 1, -8, X86_64::RA);
        cie.add_instruction(CallFrameInstruction::Cfa(X86_64::RSP, 8));
        cie.add_instruction(CallFrameInstruction::Offset(X86_64::RA, -8));
        cie
    }

    fn fde(symbol: usize, len: u32) -> FrameDescriptionEntry {
        let mut fde = FrameDescriptionEntry::new(Address::Symbol { symbol, addend: 0 }, len);
        fde.add_instruction(1, CallFrameInstruction::CfaOffset(16));
        fde.add_instruction(1, CallFrameInstruction::Offset(X86_64::RBP, -16));
        fde
    }

    /// Applies relocations the way a static linker would, for `.eh_frame` at EH_FRAME_ADDR.
    fn link(mut data: Vec<u8>, relocs: &[EhReloc]) -> Vec<u8> {
        for reloc in relocs {
            let target = symbol_address(reloc.symbol).wrapping_add_signed(reloc.addend);
            let place = EH_FRAME_ADDR + u64::from(reloc.offset);
            let value = match reloc.kind {
                EhRelocKind::Absolute => target,
                EhRelocKind::PcRelative => target.wrapping_sub(place),
            };
            let field = &mut data[reloc.offset as usize..][..reloc.size as usize];
            field.copy_from_slice(&value.to_le_bytes()[..reloc.size as usize]);
        }
        data
    }

    struct Parsed {
        cies: Vec<read::CommonInformationEntry<read::EndianSlice<'static, LittleEndian>>>,
        fdes: Vec<read::FrameDescriptionEntry<read::EndianSlice<'static, LittleEndian>>>,
    }

    fn parse(data: Vec<u8>) -> Parsed {
        let data: &'static [u8] = data.leak();
        let eh_frame = read::EhFrame::new(data, LittleEndian);
        let bases = BaseAddresses::default().set_eh_frame(EH_FRAME_ADDR);
        let mut entries = eh_frame.entries(&bases);
        let mut parsed = Parsed { cies: Vec::new(), fdes: Vec::new() };
        while let Some(entry) = entries.next().unwrap() {
            match entry {
                CieOrFde::Cie(cie) => parsed.cies.push(cie),
                CieOrFde::Fde(partial) => parsed.fdes.push(
                    partial
                        .parse(|section, bases, offset| section.cie_from_offset(bases, offset))
                        .unwrap(),
                ),
            }
        }
        parsed
    }

    #[test]
    fn unit_with_both_cie_kinds() {
        let mut unit = UnitEhFrame::new(
            &x86_64_cie(),
            DW_REF_PERSONALITY,
            PERSONALITY_ENCODING_SDATA4,
            RunTimeEndian::Little,
        );
        assert!(unit.is_empty() && !unit.uses_personality());
        unit.add_function(fde(FUNC_A, 0x40), None);
        let lsda_b = Address::Symbol { symbol: LSDA_B, addend: 0 };
        unit.add_function(fde(FUNC_B, 0x80), Some(lsda_b));
        // LSDAs packed into one section, addressed by offset.
        let lsda_c = Address::Symbol { symbol: LSDA_SECTION, addend: 0x24 };
        unit.add_function(fde(FUNC_C, 0x10), Some(lsda_c));
        assert!(!unit.is_empty() && unit.uses_personality());
        let (data, relocs) = unit.finish().unwrap();

        // The personality pointer is the only relocation in a CIE; there is one per FDE
        // address and per LSDA, all PC-relative 32-bit.
        assert!(relocs.iter().all(|r| r.kind == EhRelocKind::PcRelative && r.size == 4));
        let mut targets: Vec<_> = relocs.iter().map(|r| (r.symbol, r.addend)).collect();
        targets.sort();
        assert_eq!(
            targets,
            [
                (FUNC_A, 0),
                (FUNC_B, 0),
                (FUNC_C, 0),
                (DW_REF_PERSONALITY, 0),
                (LSDA_B, 0),
                (LSDA_SECTION, 0x24)
            ]
        );
        assert!(data.windows(5).any(|w| w == b"zLPR\0"));
        assert!(data.windows(3).any(|w| w == b"zR\0"));

        let parsed = parse(link(data, &relocs));
        assert_eq!(parsed.cies.len(), 2);
        let by_func: HashMap<u64, _> =
            parsed.fdes.iter().map(|fde| (fde.initial_address(), fde)).collect();
        assert_eq!(by_func.len(), 3);

        let a = by_func[&symbol_address(FUNC_A)];
        assert_eq!(a.len(), 0x40);
        assert_eq!(a.lsda(), None);
        assert_eq!(a.personality(), None);
        let plain = a.cie();
        assert!(plain.augmentation().is_some());
        assert_eq!(plain.fde_address_encoding(), Some(FDE_ENCODING));
        assert_eq!(plain.lsda_encoding(), None);
        assert_eq!(plain.personality_with_encoding(), None);
        assert_eq!(plain.return_address_register(), X86_64::RA);
        assert_eq!(plain.data_alignment_factor(), -8);

        let b = by_func[&symbol_address(FUNC_B)];
        assert_eq!(b.len(), 0x80);
        assert_eq!(b.lsda(), Some(Pointer::Direct(symbol_address(LSDA_B))));
        let pers = b.cie();
        assert_eq!(pers.fde_address_encoding(), Some(FDE_ENCODING));
        assert_eq!(pers.lsda_encoding(), Some(LSDA_ENCODING));
        assert_eq!(
            pers.personality_with_encoding(),
            Some((
                PERSONALITY_ENCODING_SDATA4,
                Pointer::Indirect(symbol_address(DW_REF_PERSONALITY))
            ))
        );
        assert_ne!(plain.offset(), pers.offset());

        let c = by_func[&symbol_address(FUNC_C)];
        assert_eq!(c.cie().offset(), pers.offset());
        assert_eq!(c.lsda(), Some(Pointer::Direct(symbol_address(LSDA_SECTION) + 0x24)));
    }

    #[test]
    fn sdata8_personality_pointer() {
        let mut unit = UnitEhFrame::new(
            &x86_64_cie(),
            DW_REF_PERSONALITY,
            PERSONALITY_ENCODING_SDATA8,
            RunTimeEndian::Little,
        );
        let lsda = Address::Symbol { symbol: LSDA_B, addend: 0 };
        unit.add_function(fde(FUNC_B, 0x20), Some(lsda));
        let (data, relocs) = unit.finish().unwrap();
        let personality: Vec<_> =
            relocs.iter().filter(|r| r.symbol == DW_REF_PERSONALITY).collect();
        assert_eq!(personality.len(), 1);
        assert_eq!(personality[0].size, 8);
        assert_eq!(personality[0].kind, EhRelocKind::PcRelative);

        let parsed = parse(link(data, &relocs));
        assert_eq!(parsed.cies.len(), 1);
        assert_eq!(
            parsed.cies[0].personality_with_encoding(),
            Some((
                PERSONALITY_ENCODING_SDATA8,
                Pointer::Indirect(symbol_address(DW_REF_PERSONALITY))
            ))
        );
        assert_eq!(parsed.fdes[0].lsda(), Some(Pointer::Direct(symbol_address(LSDA_B))));
    }

    #[test]
    fn plain_only_unit_has_no_personality() {
        let mut unit = UnitEhFrame::new(
            &x86_64_cie(),
            DW_REF_PERSONALITY,
            PERSONALITY_ENCODING_SDATA4,
            RunTimeEndian::Little,
        );
        let mut with_stale_lsda = fde(FUNC_A, 8);
        with_stale_lsda.lsda = Some(Address::Constant(0x1234));
        unit.add_function(with_stale_lsda, None);
        unit.add_function(fde(FUNC_C, 8), None);
        assert!(!unit.uses_personality());
        let (data, relocs) = unit.finish().unwrap();
        assert!(relocs.iter().all(|r| r.symbol != DW_REF_PERSONALITY));
        let parsed = parse(link(data, &relocs));
        assert_eq!(parsed.cies.len(), 1);
        assert_eq!(parsed.fdes.len(), 2);
        assert!(parsed.fdes.iter().all(|fde| fde.lsda().is_none()));
    }

    #[test]
    fn writer_pointer_encodings() {
        let sym = Address::Symbol { symbol: 7, addend: -3 };
        let mut w = EhFrameWriter::new(RunTimeEndian::Big);
        w.write_u8(0xaa).unwrap();
        w.write_address(sym, 8).unwrap();
        w.write_eh_pointer(sym, DW_EH_PE_absptr, 4).unwrap();
        w.write_eh_pointer(sym, DwEhPe(DW_EH_PE_pcrel.0 | DW_EH_PE_udata2.0), 8).unwrap();
        w.write_eh_pointer(sym, PERSONALITY_ENCODING_SDATA8, 4).unwrap();
        w.write_eh_pointer(Address::Constant(0x1234), DW_EH_PE_udata4, 8).unwrap();
        assert_eq!(
            w.relocs(),
            [
                (1, 8, EhRelocKind::Absolute),
                (9, 4, EhRelocKind::Absolute),
                (13, 2, EhRelocKind::PcRelative),
                (15, 8, EhRelocKind::PcRelative),
            ]
            .map(|(offset, size, kind)| EhReloc {
                offset,
                size,
                kind,
                symbol: 7,
                addend: -3
            })
        );
        assert_eq!(w.data().len(), 27);
        assert_eq!(w.data()[23..], [0, 0, 0x12, 0x34]);

        let datarel = DwEhPe(gimli::DW_EH_PE_datarel.0 | DW_EH_PE_sdata4.0);
        let uleb = DwEhPe(DW_EH_PE_pcrel.0 | gimli::DW_EH_PE_uleb128.0);
        for bad in [datarel, uleb, DW_EH_PE_omit] {
            assert_eq!(
                w.write_eh_pointer(sym, bad, 8),
                Err(Error::UnsupportedPointerEncoding(bad))
            );
        }
    }
}
