//! The window's icon: the package's 256 px icon (`assets/package/icons/`),
//! built into the binary so the window shows it wherever the app runs from.

/// The icon's PNG, the same picture the desktop entry names.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/package/icons/journey-designer-256.png");

/// The icon as the window takes it.
pub fn window_icon() -> Result<egui::IconData, image::ImageError> {
    eframe::icon_data::from_png_bytes(ICON_PNG)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_the_package_icon_at_256_px() {
        let icon = window_icon().expect("the built-in icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Not blank: the mark's white, blue and amber are all there.
        let opaque = icon.rgba.chunks(4).filter(|p| p[3] == 255).count();
        assert!(opaque > 256 * 256 / 2, "{opaque} opaque pixels");
    }
}
