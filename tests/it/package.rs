//! The Debian package's files (`assets/package/`, `[package.metadata.deb]`
//! in Cargo.toml): the desktop entry opens a journey with the app, the MIME
//! entry names `*.journey.ron`, the icon is there at every hicolor size,
//! and the package ships all of it with every template. `.ci/run` builds,
//! installs and checks the real package (`desktop-file-validate`, `dpkg -L`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::Parser;
use journey_designer::cli::Cli;

/// The hicolor sizes the package installs (and `render.sh` draws).
const ICON_SIZES: [u32; 6] = [16, 32, 48, 64, 128, 256];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap()
}

/// The `[Desktop Entry]` group's keys and values.
fn desktop_entry() -> HashMap<String, String> {
    let text = read("assets/package/journey-designer.desktop");
    assert_eq!(text.lines().next(), Some("[Desktop Entry]"));
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn desktop_entry_names_the_app_its_icon_category_and_file_type() {
    let entry = desktop_entry();
    assert_eq!(entry["Type"], "Application");
    assert_eq!(entry["Name"], "Journey Designer");
    assert!(!entry["Comment"].is_empty());
    assert_eq!(entry["Icon"], "journey-designer");
    assert_eq!(entry["Categories"], "Office;");
    assert_eq!(entry["MimeType"], "application/x-journey-designer;");
    assert_eq!(entry["Terminal"], "false");
}

#[test]
fn desktop_entry_opens_the_double_clicked_file_in_the_window() {
    let exec = &desktop_entry()["Exec"];
    assert_eq!(exec, "journey-designer %f");
    // %f is one argument, spaces and all: the window opens that file.
    let file = "/home/ann/My journeys/spring welcome.journey.ron";
    let args = exec.split(' ').map(|a| if a == "%f" { file } else { a });
    let cli = Cli::try_parse_from(args).unwrap();
    assert!(cli.command.is_none());
    assert_eq!(cli.file, Some(PathBuf::from(file)));
}

#[test]
fn mime_entry_is_application_x_journey_designer_for_journey_ron_files() {
    let xml = read("assets/package/journey-designer.xml");
    assert!(xml.contains(r#"<mime-type type="application/x-journey-designer">"#));
    assert!(xml.contains(r#"<glob pattern="*.journey.ron""#));
    // A text editor still offers to open one.
    assert!(xml.contains(r#"<sub-class-of type="text/plain"/>"#));
    assert!(xml.contains(r#"<icon name="journey-designer"/>"#));
}

#[test]
fn icon_is_drawn_at_every_hicolor_size() {
    let svg = read("assets/package/icons/journey-designer.svg");
    assert!(svg.contains(r#"viewBox="0 0 256 256""#));
    for size in ICON_SIZES {
        let path = root().join(format!("assets/package/icons/journey-designer-{size}.png"));
        let png = image::open(&path).unwrap();
        assert_eq!(
            (png.width(), png.height()),
            (size, size),
            "{}",
            path.display()
        );
        assert!(
            png.color().has_alpha(),
            "{}: rounded corners",
            path.display()
        );
    }
}

/// `[package.metadata.deb]`'s asset lines: (source, destination).
fn package_assets() -> Vec<(String, String)> {
    let toml = read("Cargo.toml");
    let (_, deb) = toml.split_once("[package.metadata.deb]").unwrap();
    let (_, assets) = deb.split_once("assets = [").unwrap();
    let (assets, _) = assets.split_once("\n]").unwrap();
    assets
        .lines()
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('"').collect();
            (fields.len() >= 7).then(|| (fields[1].to_owned(), fields[3].to_owned()))
        })
        .collect()
}

#[test]
fn package_ships_binary_desktop_entry_icons_mime_entry_and_every_template() {
    let assets = package_assets();
    let installs = |from: &str, to: &str| assets.iter().any(|(f, t)| f == from && t == to);
    assert!(installs("target/release/journey-designer", "usr/bin/"));
    assert!(installs(
        "assets/package/journey-designer.desktop",
        "usr/share/applications/"
    ));
    assert!(installs(
        "assets/package/journey-designer.xml",
        "usr/share/mime/packages/"
    ));
    for size in ICON_SIZES {
        assert!(installs(
            &format!("assets/package/icons/journey-designer-{size}.png"),
            &format!("usr/share/icons/hicolor/{size}x{size}/apps/journey-designer.png"),
        ));
    }
    assert!(installs(
        "assets/package/icons/journey-designer.svg",
        "usr/share/icons/hicolor/scalable/apps/journey-designer.svg"
    ));
    // Every template, under the folder the description names.
    assert!(installs(
        "assets/*.journey.ron",
        "usr/share/journey-designer/templates/"
    ));
    assert!(read("Cargo.toml").contains("/usr/share/journey-designer/templates"));
    // Every source but the binary and the globs is a file in the repository.
    for (from, _) in &assets {
        if !from.starts_with("target/") && !from.contains('*') {
            assert!(root().join(from).is_file(), "{from} is missing");
        }
    }
}

#[test]
fn package_depends_on_the_libraries_the_window_loads_at_run_time() {
    let toml = read("Cargo.toml");
    let line = toml.lines().find(|l| l.starts_with("depends = ")).unwrap();
    // eframe (winit, glutin) opens these with dlopen: `$auto` cannot see them.
    for package in [
        "$auto",
        "libx11-6",
        "libx11-xcb1",
        "libxcursor1",
        "libxi6",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
        "libgl1",
        "libegl1",
        "libwayland-client0",
        "libwayland-egl1",
    ] {
        assert!(
            line.contains(&format!("{package},")) || line.contains(&format!("{package}\"")),
            "{package}"
        );
    }
}
