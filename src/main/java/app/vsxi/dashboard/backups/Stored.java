package app.vsxi.dashboard.backups;

import java.util.List;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.RowsAtRest;
import app.vsxi.dashboard.tables.engine.RowCodec;

/**
 * How backed-up tables and files are kept at rest: a table's rows packed as the editor packs them, sealed where
 * the table holds passwords; a file sealed always (a system configuration may hold any secret), byte for byte.
 */
@Component
class Stored {

	private final RowsAtRest rows;

	private final CredentialCipher cipher;

	Stored(RowsAtRest rows, CredentialCipher cipher) {
		this.rows = rows;
		this.cipher = cipher;
	}

	byte[] table(String table, RowCodec.Packed packed) {
		return this.rows.store(table, packed.data());
	}

	byte[] table(String table, List<TableRow> rows) {
		return this.rows.store(table, RowCodec.pack(rows).data());
	}

	RowCodec.Packed openTable(byte[] stored, int rows) {
		return new RowCodec.Packed(this.rows.open(stored), rows);
	}

	List<TableRow> openRows(byte[] stored) {
		RowCodec.Packed packed = new RowCodec.Packed(this.rows.open(stored), 0);
		List<TableRow> all = new java.util.ArrayList<>();
		packed.forEach(all::add);
		return all;
	}

	byte[] file(byte[] bytes) {
		return this.cipher.encrypt(bytes);
	}

	byte[] openFile(byte[] stored) {
		return this.cipher.decrypt(stored);
	}

}
