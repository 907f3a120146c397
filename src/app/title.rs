//! The window title: journey name, file name and an unsaved marker, e.g.
//! "Welcome series — welcome-series.journey.ron • — Journey Designer".

use std::path::Path;

/// The app's name, last in every title.
pub const APP_NAME: &str = "Journey Designer";

/// The title for a journey called `name`, saved in `path` (if ever saved).
pub fn window_title(name: &str, path: Option<&Path>, unsaved: bool) -> String {
    let file = path.and_then(Path::file_name).map_or_else(
        || "not saved yet".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let marker = if unsaved { " \u{2022}" } else { "" };
    let name = if name.trim().is_empty() {
        "Untitled journey"
    } else {
        name
    };
    format!("{name} \u{2014} {file}{marker} \u{2014} {APP_NAME}")
}

/// Sends the title to the window when it changed since `last`.
pub fn update_title(ctx: &egui::Context, title: String, last: &mut String) {
    if *last != title {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
        *last = title;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_names_journey_file_and_unsaved_marker() {
        let path = Path::new("/home/ann/welcome-series.journey.ron");
        assert_eq!(
            window_title("Welcome series", Some(path), true),
            "Welcome series \u{2014} welcome-series.journey.ron \u{2022} \u{2014} Journey Designer"
        );
        assert_eq!(
            window_title("Welcome series", Some(path), false),
            "Welcome series \u{2014} welcome-series.journey.ron \u{2014} Journey Designer"
        );
        assert_eq!(
            window_title("", None, false),
            "Untitled journey \u{2014} not saved yet \u{2014} Journey Designer"
        );
    }
}
