//! The app's own file chooser, shown when the system's file dialog cannot be
//! (no desktop portal, no zenity). egui only: the app lists the folder and
//! checks the answer; this draws the path field, the folder's journey files,
//! its sub-folders and the recent folders, and says what the user chose.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use egui::{Context, Id, Key, Modal, RichText, ScrollArea, Ui};

/// Open a file, or choose where to save one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChooserMode {
    /// Choose an existing journey file.
    Open,
    /// Choose a folder and a file name.
    Save,
    /// Choose an existing journey file to compare this one with.
    Compare,
}

/// What the app found in the folder shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// The folder listed.
    pub folder: PathBuf,
    /// Its sub-folders' names, sorted.
    pub folders: Vec<String>,
    /// Its journey files' names (`*.journey.ron`, `*.ron`), sorted.
    pub files: Vec<String>,
    /// Why the folder could not be listed, in words.
    pub error: Option<String>,
}

/// The chooser's state: the app fills the listing, the user edits the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileChooser {
    /// Open or Save.
    pub mode: ChooserMode,
    /// Why the system dialog is not used (shown under the heading).
    pub reason: String,
    /// The path field: a folder ending in a separator, or a file.
    pub path: String,
    /// The folder listed.
    pub listing: Listing,
    /// Folders of recent files, newest first.
    pub recent_folders: Vec<PathBuf>,
    /// Why the last choice was refused (no such file, no name typed, ...).
    pub error: Option<String>,
}

/// What the user did in the chooser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChooserAnswer {
    /// Open or save this path (as typed; the app checks it).
    Chosen(PathBuf),
    /// Closed without choosing.
    Cancel,
}

impl FileChooser {
    /// A chooser in `folder`, with `file_name` typed (Save) or none (Open).
    pub fn new(mode: ChooserMode, reason: String, folder: &Path, file_name: &str) -> FileChooser {
        FileChooser {
            mode,
            reason,
            path: join(folder, file_name),
            listing: Listing::default(),
            recent_folders: Vec::new(),
            error: None,
        }
    }

    /// The folder the path field points into: the field itself when it ends
    /// with a separator, else its parent.
    pub fn folder(&self) -> PathBuf {
        if self.path.ends_with(MAIN_SEPARATOR) || self.path.ends_with('/') {
            PathBuf::from(&self.path)
        } else {
            Path::new(&self.path)
                .parent()
                .map_or_else(PathBuf::new, Path::to_path_buf)
        }
    }

    /// The file name typed after the folder (empty for a bare folder).
    pub fn file_name(&self) -> String {
        if self.path.ends_with(MAIN_SEPARATOR) || self.path.ends_with('/') {
            return String::new();
        }
        Path::new(&self.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Points the field at `folder`, keeping the typed name when saving.
    pub fn go_to(&mut self, folder: &Path) {
        let name = match self.mode {
            ChooserMode::Save => self.file_name(),
            ChooserMode::Open | ChooserMode::Compare => String::new(),
        };
        self.path = join(folder, &name);
        self.error = None;
    }

    fn title(&self) -> &'static str {
        match self.mode {
            ChooserMode::Open => "Open a journey",
            ChooserMode::Save => "Save the journey as",
            ChooserMode::Compare => "Compare with a journey",
        }
    }

    /// True when saving would replace a file listed in the folder.
    fn replaces(&self) -> bool {
        let name = self.file_name();
        self.mode == ChooserMode::Save && !name.is_empty() && self.listing.files.contains(&name)
    }
}

/// `folder` joined with `name`; a bare folder ends with a separator.
fn join(folder: &Path, name: &str) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(MAIN_SEPARATOR) {
        text.push(MAIN_SEPARATOR);
    }
    text.push_str(name);
    text
}

/// Shows the chooser; returns the answer once given. Enter in the path field
/// or a double click on a file chooses; Escape cancels.
pub fn file_chooser_ui(ctx: &Context, chooser: &mut FileChooser) -> Option<ChooserAnswer> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("journey-designer-file-chooser")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(chooser.title());
        ui.label(
            RichText::new(format!(
                "The system file dialog is not available ({}), so here is Journey Designer's own.",
                chooser.reason
            ))
            .weak(),
        );
        ui.add_space(6.0);
        if path_field_ui(ui, chooser) {
            answer = Some(ChooserAnswer::Chosen(PathBuf::from(&chooser.path)));
        }
        if let Some(chosen) = listing_ui(ui, chooser) {
            answer = Some(chosen);
        }
        recent_folders_ui(ui, chooser);
        if let Some(pressed) = buttons_ui(ui, chooser) {
            answer = Some(pressed);
        }
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(ChooserAnswer::Cancel);
    }
    answer
}

/// The path field; true when Enter was pressed in it.
fn path_field_ui(ui: &mut Ui, chooser: &mut FileChooser) -> bool {
    let mut entered = false;
    ui.horizontal(|ui| {
        let label = ui.label("File:");
        let field = ui.add(
            egui::TextEdit::singleline(&mut chooser.path)
                .desired_width(f32::INFINITY)
                .hint_text("/home/you/journeys/welcome.journey.ron"),
        );
        let field = field.labelled_by(label.id);
        if field.changed() {
            chooser.error = None;
        }
        entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    });
    entered
}

/// The folder's sub-folders and journey files; a double-clicked file is chosen.
fn listing_ui(ui: &mut Ui, chooser: &mut FileChooser) -> Option<ChooserAnswer> {
    let mut answer = None;
    let listing = chooser.listing.clone();
    ui.add_space(4.0);
    ui.label(RichText::new(format!("In {}", listing.folder.display())).strong());
    let mut go_to: Option<PathBuf> = None;
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ScrollArea::vertical()
            .max_height(220.0)
            .min_scrolled_height(220.0)
            .show(ui, |ui| {
                if let Some(parent) = listing.folder.parent()
                    && ui.selectable_label(false, ".. (up one folder)").clicked()
                {
                    go_to = Some(parent.to_path_buf());
                }
                for folder in &listing.folders {
                    if ui
                        .selectable_label(false, format!("{folder}{MAIN_SEPARATOR}"))
                        .clicked()
                    {
                        go_to = Some(listing.folder.join(folder));
                    }
                }
                for file in &listing.files {
                    let selected = chooser.file_name() == *file;
                    let row = ui.selectable_label(selected, file);
                    if row.clicked() {
                        chooser.path = join(&listing.folder, file);
                        chooser.error = None;
                    }
                    if row.double_clicked() {
                        answer = Some(ChooserAnswer::Chosen(listing.folder.join(file)));
                    }
                }
                if listing.files.is_empty() {
                    ui.label(RichText::new("No journey files in this folder.").weak());
                }
            });
    });
    if let Some(error) = &listing.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    if let Some(folder) = go_to {
        chooser.go_to(&folder);
    }
    answer
}

fn recent_folders_ui(ui: &mut Ui, chooser: &mut FileChooser) {
    if chooser.recent_folders.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label("Recent folders:");
    let mut go_to = None;
    ui.horizontal_wrapped(|ui| {
        for folder in &chooser.recent_folders {
            if ui
                .button(folder.display().to_string())
                .on_hover_text("Show this folder")
                .clicked()
            {
                go_to = Some(folder.clone());
            }
        }
    });
    if let Some(folder) = go_to {
        chooser.go_to(&folder);
    }
}

fn buttons_ui(ui: &mut Ui, chooser: &FileChooser) -> Option<ChooserAnswer> {
    let mut answer = None;
    ui.add_space(6.0);
    if let Some(error) = &chooser.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    } else if chooser.replaces() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} already exists: saving replaces it.",
                chooser.file_name()
            ),
        );
    }
    ui.horizontal(|ui| {
        let ok = match chooser.mode {
            ChooserMode::Open => "Open",
            ChooserMode::Compare => "Compare",
            ChooserMode::Save if chooser.replaces() => "Replace",
            ChooserMode::Save => "Save",
        };
        if ui.button(ok).clicked() {
            answer = Some(ChooserAnswer::Chosen(PathBuf::from(&chooser.path)));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(ChooserAnswer::Cancel);
        }
    });
    answer
}
