// HashMap with a custom deterministic Hasher (FNV) and with BuildHasherDefault: iteration order is then deterministic; derive(Hash) of structs/enums.
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::hint::black_box;

#[derive(Default)]
struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 { self.0 }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 { self.0 = 0xcbf29ce484222325; }
        for &b in bytes { self.0 ^= b as u64; self.0 = self.0.wrapping_mul(0x100000001b3); }
    }
}
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Hash, PartialEq, Eq, Debug, Clone)]
enum Key { Id(u32), Name(String), Pair(i8, char), Unit }

fn hash_of<T: Hash + ?Sized>(t: &T) -> u64 { let mut h = Fnv::default(); t.hash(&mut h); h.finish() }
fn sip_of<T: Hash + ?Sized>(t: &T) -> u64 { let mut h = DefaultHasher::new(); t.hash(&mut h); h.finish() }

fn main() {
    let mut m: FnvMap<Key, u64> = FnvMap::default();
    for i in 0..black_box(40u32) {
        let k = match i % 4 { 0 => Key::Id(i), 1 => Key::Name(format!("n{}", i % 7)), 2 => Key::Pair(i as i8 - 20, (b'a' + (i % 26) as u8) as char), _ => Key::Unit };
        *m.entry(k).or_insert(0) += i as u64;
    }
    // with a fixed hasher, iteration order is a pure function of the inserts
    for (k, v) in &m { println!("{:?} => {}", k, v); }
    println!("hashes {:#x} {:#x} {:#x} {:#x}", hash_of(&Key::Id(7)), hash_of(&Key::Name("abc".into())), hash_of(&(1u8, 2u16, -3i64)), hash_of(&"str"));
    println!("sip {:#x} {:#x} {:#x}", sip_of(&Key::Pair(-1, 'z')), sip_of(&[1u32, 2, 3][..]), sip_of(&(0.5f64.to_bits(), true, ())));
    let mut set: HashSet<u64, BuildHasherDefault<DefaultHasher>> = HashSet::default();
    for x in 0..50u64 { set.insert(x.wrapping_mul(0x9e3779b97f4a7c15) >> 40); }
    println!("{:?}", set.iter().take(10).collect::<Vec<_>>());
    m.retain(|k, _| !matches!(k, Key::Unit));
    println!("len {}", m.len());
}
