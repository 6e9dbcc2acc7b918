"""The table editor of the wizard: the official tables 表二、表三、表四 edited like a spreadsheet."""
