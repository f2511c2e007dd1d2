-- How the dashboard names calls to a VSXi when it kills them: the box's own CSV lines (CSV) or XML entries with one
-- identifying field each (XML). An SBC without a row uses CSV.
CREATE TABLE call_kill_setting (
    sbc_id      BIGINT PRIMARY KEY REFERENCES sbc (id) ON DELETE CASCADE,
    kill_format VARCHAR(8) NOT NULL
);
