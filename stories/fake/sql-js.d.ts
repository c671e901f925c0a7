/** The part of sql.js (SQLite compiled to WebAssembly) that sqlite.ts uses. The package ships no types. */
declare module 'sql.js' {
  export type SqlValue = number | string | Uint8Array | null;
  export interface Statement {
    bind(values: readonly unknown[]): boolean;
    step(): boolean;
    getAsObject(): Record<string, SqlValue>;
    getColumnNames(): string[];
    get(): SqlValue[];
    reset(): void;
    free(): boolean;
  }
  export interface Database {
    prepare(sql: string): Statement;
    run(sql: string): Database;
    getRowsModified(): number;
    export(): Uint8Array;
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new (data?: Uint8Array | null) => Database;
  }
  export default function initSqlJs(config?: { locateFile?: (file: string) => string; wasmBinary?: ArrayBuffer }): Promise<SqlJsStatic>;
}
