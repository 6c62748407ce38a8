// A state machine driven by match on enums with data, nested matches, loop labels with break-with-value, and if-let chains; tokenizer + evaluator.
use std::hint::black_box;

#[derive(Debug, Clone, PartialEq)]
enum Tok { Num(i64), Plus, Minus, Star, Slash, LParen, RParen }

fn lex(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' => { i += 1; }
            b'0'..=b'9' => {
                let mut n = 0i64;
                while i < b.len() && b[i].is_ascii_digit() { n = n * 10 + (b[i] - b'0') as i64; i += 1; }
                out.push(Tok::Num(n));
            }
            c => { out.push(match c { b'+' => Tok::Plus, b'-' => Tok::Minus, b'*' => Tok::Star, b'/' => Tok::Slash, b'(' => Tok::LParen, _ => Tok::RParen }); i += 1; }
        }
    }
    out
}

fn expr(t: &[Tok], p: &mut usize) -> i64 {
    let mut v = term(t, p);
    loop {
        match t.get(*p) { Some(Tok::Plus) => { *p += 1; v += term(t, p); } Some(Tok::Minus) => { *p += 1; v -= term(t, p); } _ => break v }
    }
}
fn term(t: &[Tok], p: &mut usize) -> i64 {
    let mut v = atom(t, p);
    loop {
        match t.get(*p) { Some(Tok::Star) => { *p += 1; v *= atom(t, p); } Some(Tok::Slash) => { *p += 1; let d = atom(t, p); v = if d == 0 { 0 } else { v / d }; } _ => break v }
    }
}
fn atom(t: &[Tok], p: &mut usize) -> i64 {
    let tok = t[*p].clone();
    *p += 1;
    match tok {
        Tok::Num(n) => n,
        Tok::Minus => -atom(t, p),
        Tok::LParen => { let v = expr(t, p); *p += 1; v }
        other => panic!("unexpected {:?}", other),
    }
}

#[derive(Debug, Clone, Copy)]
enum State { Idle, Running { ticks: u32 }, Paused { at: u32 }, Done(u32) }

fn step(s: State, input: u8) -> State {
    match (s, input) {
        (State::Idle, b's') => State::Running { ticks: 0 },
        (State::Running { ticks }, b't') if ticks >= 5 => State::Done(ticks),
        (State::Running { ticks }, b't') => State::Running { ticks: ticks + 1 },
        (State::Running { ticks }, b'p') => State::Paused { at: ticks },
        (State::Paused { at }, b'r') => State::Running { ticks: at },
        (State::Done(n), _) => State::Done(n),
        (s, _) => s,
    }
}

fn main() {
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - -3", "2 * (3 + 4) * (5 - 10) / 2", "((((42))))", "10 / 0 + 1"] {
        let toks = lex(black_box(src));
        let mut p = 0;
        println!("{} = {} ({} tokens)", src, expr(&toks, &mut p), toks.len());
    }
    let mut s = State::Idle;
    for c in black_box("xsttpxrtttttttq").bytes() {
        s = step(s, c);
        print!("{:?}; ", s);
    }
    println!();
    let found = 'outer: loop {
        for i in 0..black_box(50u32) {
            for j in 0..i {
                if i * i + j * j == 25 * 25 && j > 0 { break 'outer Some((i, j)); }
            }
        }
        break None;
    };
    println!("{:?}", found);
}
