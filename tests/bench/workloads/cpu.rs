// CPU-bound workload for the run-time comparison of tests/bench (opt-level 0): integer
// sieve, hashing into a HashMap, sorting, float n-body steps and string building. Prints a
// checksum so both builds can be checked to compute the same thing.
use std::collections::HashMap;
use std::hint::black_box;

fn sieve(n: usize) -> usize {
    let mut is = vec![true; n + 1];
    is[0] = false;
    is[1] = false;
    let mut i = 2;
    while i * i <= n {
        if is[i] {
            let mut j = i * i;
            while j <= n {
                is[j] = false;
                j += i;
            }
        }
        i += 1;
    }
    is.iter().filter(|&&p| p).count()
}

fn nbody(steps: usize) -> f64 {
    let mut pos = [[0.0f64, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 3.0], [1.5, 1.5, 0.5]];
    let mut vel = [[0.0f64; 3]; 5];
    let mass = [10.0, 1.0, 0.5, 0.25, 0.1];
    for _ in 0..steps {
        for i in 0..5 {
            for j in 0..5 {
                if i == j {
                    continue;
                }
                let d: Vec<f64> = (0..3).map(|k| pos[j][k] - pos[i][k]).collect();
                let r2 = d.iter().map(|x| x * x).sum::<f64>() + 0.01;
                let f = mass[j] / (r2 * r2.sqrt());
                for k in 0..3 {
                    vel[i][k] += d[k] * f * 0.001;
                }
            }
        }
        for i in 0..5 {
            for k in 0..3 {
                pos[i][k] += vel[i][k] * 0.001;
            }
        }
    }
    pos.iter().flatten().sum()
}

fn main() {
    let n = black_box(5_000_000);
    let primes = sieve(n);
    let mut map: HashMap<u64, u64> = HashMap::new();
    let mut x = black_box(12345u64);
    for _ in 0..300_000 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *map.entry(x % 50_000).or_insert(0) += x >> 60;
    }
    let mut v: Vec<u64> = map.values().copied().collect();
    v.sort_unstable();
    let mut words: Vec<String> = (0..100_000).map(|i| format!("w{}", (i * 7919) % 100_003)).collect();
    words.sort();
    let e = nbody(black_box(100_000));
    println!("{primes} {} {} {} {:.6}", v.iter().sum::<u64>(), words[500], words.len(), e);
}
