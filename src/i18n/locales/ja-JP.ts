import type { Catalog } from './en-US.js'

/** The Japanese catalog. It must hold every key of the English one (a test checks). */
export const jaJP: Catalog = {
  errors: {
    request: {
      api_version_missing: 'api-version ヘッダーが必要です。api-version: v1 を送信してください。',
      api_version_unsupported: "api-version '{{version}}' はサポートされていません。api-version: v1 を送信してください。",
      malformed: 'リクエストの形式が正しくありません。',
      body_invalid_json: 'リクエスト本文が有効な JSON ではありません。',
      body_nul_character: 'リクエスト本文に NUL 文字 (\\u0000) が含まれています。どのフィールドも NUL 文字を受け付けません。',
      body_too_large: 'リクエスト本文が上限の {{limit}} バイトを超えています。',
      media_type_unsupported: "コンテンツタイプ '{{type}}' はサポートされていません。application/json を送信してください。",
      field_required: "フィールド '{{field}}' は必須です。",
      field_unknown: "フィールド '{{field}}' は既知のフィールドではありません。",
      field_type: "フィールド '{{field}}' は {{type}} である必要があります。",
      field_enum: "フィールド '{{field}}' は次のいずれかである必要があります: {{values}}。",
      field_too_short: "フィールド '{{field}}' は {{limit}} 文字以上である必要があります。",
      field_too_long: "フィールド '{{field}}' は {{limit}} 文字以下である必要があります。",
      field_too_small: "フィールド '{{field}}' は {{limit}} 以上である必要があります。",
      field_too_large: "フィールド '{{field}}' は {{limit}} 以下である必要があります。",
      field_invalid: "フィールド '{{field}}' が無効です。",
      time_zone_invalid:
        "フィールド '{{field}}' は America/New_York のような IANA タイムゾーンである必要があります。'{{value}}' はタイムゾーンではありません。",
      date_time_invalid:
        "フィールド '{{field}}' はエポックからのミリ秒、または ISO 8601 の日付か日時である必要があります。'{{value}}' はどちらでもありません。",
      route_not_found: '{{method}} {{url}} は存在しません。',
      rate_limited: 'API リクエストが多すぎます。{{seconds}} 秒後に再試行してください。',
      too_many_failures: 'このアドレスからの認証失敗が多すぎます。{{seconds}} 秒後に再試行してください。',
    },
    auth: {
      credentials_missing:
        'API シークレットキーが送信されていません。api-secret-key ヘッダー、または Authorization: ApiKey <secret> で送信してください。',
      scheme_unsupported: "Authorization スキーム '{{scheme}}' はサポートされていません。Authorization: ApiKey <secret> を使用してください。",
      secret_malformed: 'API シークレットキーの形式が正しくありません。Keyward が発行したシークレットキーではありません。',
      secret_invalid: 'API シークレットキーが無効です。',
      key_locked: 'API キーはロックアウトされています (認証の許可が拒否されています)。',
      key_expired: 'API キーの有効期限が切れています。',
      web_service_denied: 'この API キーの役割では Web サービス API へのアクセスが許可されていません。',
    },
    apikey: {
      not_found: 'API キーが存在しません。',
      view_denied: 'API キーを表示する権限がありません。',
      create_denied: 'API キーを作成する権限がありません。',
      modify_denied: 'API キーを変更する権限がないか、要求された変更は許可されていません。',
      delete_denied: 'API キーを削除する権限がありません。',
      secret_denied: 'API シークレットキーを生成する権限がありません。',
      name_in_use: "'{{name}}' という名前の API キーはすでに存在します。",
      expiry_in_past: "フィールド 'expiryDate' は未来の日時である必要があります。",
      role_not_found: "フィールド 'roleID' で指定された役割は存在しません ({{roleID}})。",
      current_needs_key: 'この操作はリクエストを認証した API キーに対して行われます。API シークレットキーで認証してください。',
      current_field_denied: "API キーは自身の '{{field}}' を変更できません。",
    },
    role: {
      not_found: '管理者の役割が存在しません。',
      view_denied: '管理者の役割を表示する権限がありません。',
      rights_exceed_own: "権限がありません: 役割 '{{role}}' には、あなた自身の役割にない権限があります。",
    },
    audit: {
      view_denied: '監査ログを表示する権限がありません。',
    },
    search: {
      field_missing: "検索条件 {{index}}: ID テスト以外のすべてのテストには 'fieldName' が必要です。",
      field_unknown: "検索条件 {{index}}: '{{field}}' は検索可能なフィールドではありません。検索可能なフィールド: {{fields}}。",
      test_missing: "検索条件 {{index}}: '{{field}}' ({{kind}} として検索可能) のテストを指定してください。",
      test_ambiguous: '検索条件 {{index}}: テストは 1 つだけ指定してください。指定されたテスト: {{tests}}。',
      test_mismatch: "検索条件 {{index}}: {{test}} テストは '{{field}}' には使用できません。このフィールドは {{kind}} として検索可能です。",
      value_missing: "検索条件 {{index}}: {{test}} テストには '{{value}}' が必要です。",
      sort_field_unknown: "'{{field}}' は並べ替えに使用できるフィールドではありません。使用できるフィールド: {{fields}}。",
    },
    server: {
      internal: '内部エラーが発生しました。報告の際はリクエスト ID {{requestId}} をお知らせください。',
      unavailable: 'サービスを利用できません: {{reason}}。',
    },
  },
}
