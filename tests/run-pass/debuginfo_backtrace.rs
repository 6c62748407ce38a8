//! `RUST_BACKTRACE=1` with full debug info: the frames of a panic in a generic method,
//! a closure and nested calls print `at file:line:col` as with LLVM (both sides print
//! the same std frames; our frames come from our line tables).
//@ compile-flags: -g -Copt-level=0
//@ exec-env: RUST_BACKTRACE=1

struct Grid<T> {
    cells: Vec<T>,
    width: usize,
}

impl<T: Copy + std::ops::Add<Output = T>> Grid<T> {
    #[inline(never)]
    fn at(&self, x: usize, y: usize) -> T {
        self.cells[y * self.width + x]
    }

    #[inline(never)]
    fn sum_row(&self, y: usize) -> T {
        let mut s = self.at(0, y);
        for x in 1..self.width {
            s = s + self.at(x, y);
        }
        s
    }
}

#[inline(never)]
fn walk(g: &Grid<u64>, rows: &[usize]) -> u64 {
    rows.iter().map(|&y| g.sum_row(y)).sum()
}

fn main() {
    let g = Grid { cells: (0..12u64).collect(), width: 4 };
    println!("{}", walk(&g, &[0, 1, 2]));
    println!("{}", walk(&g, &[2, 3]));
}
