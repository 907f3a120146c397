//! Apply-then-undo and random-sequence tests for every command.
