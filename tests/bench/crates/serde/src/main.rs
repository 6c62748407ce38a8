#[derive(serde::Serialize, serde::Deserialize, Debug)]
struct Point {
    x: i32,
    y: i32,
    label: Option<String>,
}

fn main() {
    let p: Point = serde_json::from_str(r#"{"x":1,"y":-2,"label":"p"}"#).unwrap();
    println!("{}", serde_json::to_string(&p).unwrap());
}
