import * as s3assets from 'aws-cdk-lib/aws-s3-assets';

/** What the boot script needs to install and start a Node.js app. */
export interface AppUserDataOptions {
  readonly asset: s3assets.Asset;
  /** The bundled entry point inside the asset. */
  readonly entryFile: string;
  /** CloudWatch Logs group the app's log file is shipped to. */
  readonly logGroupName: string;
  /** systemd unit, system user and install folder (`/opt/<name>`). */
  readonly serviceName: string;
  readonly port: number;
  /** Local path polled until the app answers, before the instance reports success. */
  readonly healthCheckPath: string;
  /** The app's environment (APP_ROLE, MEDIA_BUCKET, ...). Values may be CDK tokens. */
  readonly environment: Record<string, string>;
}

/**
 * Boot script lines: install Node.js 22 and the CloudWatch agent, unpack the app from its S3 asset,
 * run it as an unprivileged systemd service, ship its log, and fail (so cfn-signal reports failure and
 * the rolling update stops) unless the app answers its health check within two minutes.
 */
export function appUserData(options: AppUserDataOptions): string[] {
  const name = options.serviceName;
  const APP_DIR = `/opt/${name}`;
  const LOG_DIR = `/var/log/${name}`;
  const LOG_FILE = `${LOG_DIR}/app.log`;
  const env = { ...options.environment, PORT: String(options.port), HOST: '0.0.0.0' };
  const envFile = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  const agentConfig = JSON.stringify({
    logs: {
      logs_collected: {
        files: { collect_list: [{ file_path: LOG_FILE, log_group_name: options.logGroupName, log_stream_name: '{instance_id}' }] },
      },
    },
  });
  return [
    'set -euo pipefail',
    'dnf install -y nodejs22 amazon-cloudwatch-agent aws-cfn-bootstrap unzip',
    `aws s3 cp 's3://${options.asset.s3BucketName}/${options.asset.s3ObjectKey}' /tmp/${name}.zip`,
    `rm -rf ${APP_DIR} && mkdir -p ${APP_DIR} && unzip -q -o /tmp/${name}.zip -d ${APP_DIR}`,
    // DocumentDB, RDS and Aurora connections are verified against the RDS certificate authorities.
    `curl -fsSL --retry 5 -o ${APP_DIR}/global-bundle.pem https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem`,
    `id ${name} >/dev/null 2>&1 || useradd --system --no-create-home --shell /sbin/nologin ${name}`,
    `install -d -o ${name} -g ${name} -m 0750 ${LOG_DIR}`,
    `cat > /etc/${name}.env <<'ENV'`,
    ...envFile,
    'ENV',
    `cat > /etc/systemd/system/${name}.service <<'UNIT'`,
    '[Unit]',
    `Description=${name}`,
    'After=network-online.target',
    'Wants=network-online.target',
    '[Service]',
    `User=${name}`,
    `EnvironmentFile=/etc/${name}.env`,
    `ExecStart=/usr/bin/node-22 --enable-source-maps ${APP_DIR}/${options.entryFile}`,
    'Restart=always',
    'RestartSec=2',
    `StandardOutput=append:${LOG_FILE}`,
    `StandardError=append:${LOG_FILE}`,
    'NoNewPrivileges=true',
    'ProtectSystem=strict',
    `ReadWritePaths=${LOG_DIR}`,
    'ProtectHome=true',
    'PrivateTmp=true',
    '[Install]',
    'WantedBy=multi-user.target',
    'UNIT',
    `cat > /etc/logrotate.d/${name} <<'ROTATE'`,
    `${LOG_FILE} {`,
    '  daily',
    '  rotate 3',
    '  compress',
    '  missingok',
    '  copytruncate',
    '}',
    'ROTATE',
    'systemctl daemon-reload',
    `systemctl enable --now ${name}`,
    `cat > /opt/aws/amazon-cloudwatch-agent/etc/${name}.json <<'AGENT'`,
    agentConfig,
    'AGENT',
    `/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/${name}.json`,
    `for attempt in $(seq 1 60); do curl -fsS 'http://127.0.0.1:${options.port}${options.healthCheckPath}' && break; sleep 2; done`,
    `curl -fsS 'http://127.0.0.1:${options.port}${options.healthCheckPath}'`,
  ];
}
